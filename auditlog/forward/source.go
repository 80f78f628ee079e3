// Package forward runs audit entries from files, stdin or Vault's socket
// audit device through the joiner, the redactor and the detectors, and
// delivers events and alerts to sinks at least once: a bounded queue
// applies backpressure to file readers, a checkpoint (source identity +
// byte offset) is written only after every sink acknowledged, and socket
// sources, which must never block Vault, spill to a bounded on-disk spool
// and count what they drop only when it is full.
package forward

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
	"time"
)

// Line is one audit entry's bytes and where the next line starts in its
// source (-1 when the source has no offsets: stdin, sockets).
type Line struct {
	Data   []byte
	Source int
	// FileID is the file's device:inode, for the checkpoint.
	FileID string
	Start  int64
	End    int64
}

// Source produces lines on out until it ends or ctx is done.
type Source interface {
	// Name identifies the source in checkpoints and summaries.
	Name() string
	Run(ctx context.Context, idx int, out chan<- Line) error
}

// maxLine bounds one entry; longer lines are skipped and counted.
const maxLine = 16 << 20

// FileSource reads a plain (uncompressed) audit log file from an offset,
// optionally following it as it grows, is truncated or is rotated.
type FileSource struct {
	Path   string
	Follow bool
	// Start is the byte offset to resume from (a checkpoint).
	Start int64
	// Poll is how often a followed file is checked for growth (0: 200ms).
	Poll time.Duration
	// Oversize counts lines longer than maxLine that were skipped.
	Oversize int64
}

// Name implements Source.
func (s *FileSource) Name() string { return s.Path }

// FileID is the identity of a file for checkpoints: device and inode.
func FileID(path string) (string, int64, error) {
	st, err := os.Stat(path)
	if err != nil {
		return "", 0, fmt.Errorf("stat %s: %w", path, err)
	}
	if sys, ok := st.Sys().(*syscall.Stat_t); ok {
		return fmt.Sprintf("%d:%d", sys.Dev, sys.Ino), st.Size(), nil
	}
	return "", st.Size(), nil
}

// Run implements Source.
func (s *FileSource) Run(ctx context.Context, idx int, out chan<- Line) error {
	poll := s.Poll
	if poll <= 0 {
		poll = 200 * time.Millisecond
	}
	f, err := os.Open(s.Path)
	if err != nil {
		return fmt.Errorf("open %s: %w", s.Path, err)
	}
	defer func() { f.Close() }()
	var magic [4]byte
	if n, _ := f.ReadAt(magic[:], 0); n == 4 && (bytes.HasPrefix(magic[:], []byte{0x1f, 0x8b}) || bytes.Equal(magic[:], []byte{0x28, 0xb5, 0x2f, 0xfd})) {
		return fmt.Errorf("%s is compressed: forwarding with checkpoints needs a plain log (use audit alerts for compressed archives)", s.Path)
	}
	off := s.Start
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		return fmt.Errorf("seek %s to %d: %w", s.Path, off, err)
	}
	id, _, _ := FileID(s.Path)
	br := bufio.NewReaderSize(f, 1<<20)
	var partial []byte
	skipping, draining := false, false
	lineStart := off
	emit := func() error {
		if line := bytes.TrimSpace(partial); len(line) > 0 && !skipping {
			select {
			case out <- Line{Data: bytes.Clone(line), Source: idx, FileID: id, Start: lineStart, End: off}:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		return nil
	}
	for {
		if len(partial) == 0 && !skipping {
			lineStart = off
		}
		chunk, err := br.ReadSlice('\n')
		if len(chunk) > 0 {
			switch {
			case skipping:
			case len(partial)+len(chunk) > maxLine:
				skipping, partial = true, partial[:0]
				s.Oversize++
			default:
				partial = append(partial, chunk...)
			}
		}
		off += int64(len(chunk))
		switch {
		case err == nil:
			if err := emit(); err != nil {
				return err
			}
			partial, skipping = partial[:0], false
		case errors.Is(err, bufio.ErrBufferFull):
		case errors.Is(err, io.EOF):
			if !s.Follow {
				return emit()
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(poll):
			}
			nid, size, serr := FileID(s.Path)
			switch {
			case serr == nil && nid != id && !draining:
				// Rotated: read what the writer added to the old file
				// before it reopened, then switch.
				draining = true
			case serr == nil && nid != id:
				draining = false
				nf, oerr := os.Open(s.Path)
				if oerr != nil {
					continue
				}
				f.Close()
				f, id, off, partial, skipping = nf, nid, 0, partial[:0], false
				br.Reset(f)
			case serr == nil && size < off:
				// Truncated in place.
				if _, err := f.Seek(0, io.SeekStart); err != nil {
					return fmt.Errorf("seek %s after truncation: %w", s.Path, err)
				}
				off, partial, skipping = 0, partial[:0], false
				br.Reset(f)
			}
		default:
			return fmt.Errorf("read %s: %w", s.Path, err)
		}
	}
}

// ReaderSource reads lines from a stream without offsets (stdin).
type ReaderSource struct {
	Label string
	R     io.Reader
}

// Name implements Source.
func (s *ReaderSource) Name() string { return s.Label }

// Run implements Source.
func (s *ReaderSource) Run(ctx context.Context, idx int, out chan<- Line) error {
	sc := bufio.NewScanner(s.R)
	sc.Buffer(make([]byte, 0, 1<<20), maxLine)
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		select {
		case out <- Line{Data: bytes.Clone(line), Source: idx, Start: -1, End: -1}:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", s.Label, err)
	}
	return nil
}
