package forward

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Position is where to resume one file source: its identity (device and
// inode, so a rotated or replaced file is not resumed at a stale offset)
// and the byte offset of the first line not yet acknowledged by every sink.
type Position struct {
	FileID string `json:"file_id"`
	Offset int64  `json:"offset"`
}

// Checkpoint is the checkpoint file's content.
type Checkpoint struct {
	Version int                 `json:"version"`
	Updated time.Time           `json:"updated"`
	Sources map[string]Position `json:"sources"`
}

// LoadCheckpoint reads a checkpoint file; a missing file is an empty one.
func LoadCheckpoint(path string) (*Checkpoint, error) {
	cp := &Checkpoint{Version: 1, Sources: map[string]Position{}}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return cp, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read checkpoint %s: %w", path, err)
	}
	if err := json.Unmarshal(b, cp); err != nil {
		return nil, fmt.Errorf("parse checkpoint %s: %w", path, err)
	}
	if cp.Sources == nil {
		cp.Sources = map[string]Position{}
	}
	return cp, nil
}

// Save writes the checkpoint atomically (temporary file, fsync, rename).
func (cp *Checkpoint) Save(path string) error {
	cp.Updated = time.Now().UTC()
	b, err := json.Marshal(cp)
	if err != nil {
		return fmt.Errorf("encode checkpoint: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".checkpoint-*")
	if err != nil {
		return fmt.Errorf("write checkpoint %s: %w", path, err)
	}
	_, werr := tmp.Write(b)
	serr := tmp.Sync()
	cerr := tmp.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write checkpoint %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write checkpoint %s: %w", path, err)
	}
	return nil
}

// Resume returns the offset to start a file at: the checkpoint's if it
// names the same file (device and inode) and the file is not shorter.
func (cp *Checkpoint) Resume(path string) int64 {
	p, ok := cp.Sources[path]
	if !ok {
		return 0
	}
	id, size, err := FileID(path)
	if err != nil || id != p.FileID || size < p.Offset {
		return 0
	}
	return p.Offset
}
