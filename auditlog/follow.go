package auditlog

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

// followPoll is how often a followed file is checked for growth, rotation
// and truncation. Polling (rather than inotify) works on every platform and
// on network filesystems, and costs nothing measurable at this period.
const followPoll = 200 * time.Millisecond

// followReader reads a file like `tail -F -n +1`: everything already in it,
// then whatever is appended. When the path is renamed away and recreated
// (logrotate, Vault reopening on SIGHUP) it finishes the old file and
// switches to the new one; when the file shrinks (copytruncate) it starts
// again from the top. It ends with io.EOF when ctx is cancelled, so the
// pipeline drains and flushes on Ctrl-C.
type followReader struct {
	ctx  context.Context
	path string
	f    *os.File
	fi   os.FileInfo
	off  int64
}

func newFollowReader(ctx context.Context, path string) (*followReader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("follow %s: %w", path, err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("follow %s: %w", path, err)
	}
	return &followReader{ctx: ctx, path: path, f: f, fi: fi}, nil
}

func (r *followReader) Read(p []byte) (int, error) {
	for {
		n, err := r.f.Read(p)
		r.off += int64(n)
		if n > 0 {
			return n, nil
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return 0, fmt.Errorf("follow %s: %w", r.path, err)
		}
		if r.reopen() {
			continue
		}
		t := time.NewTimer(followPoll)
		select {
		case <-r.ctx.Done():
			t.Stop()
			return 0, io.EOF
		case <-t.C:
		}
	}
}

// reopen handles rotation and truncation after an EOF; it reports whether
// reading should be retried at once.
func (r *followReader) reopen() bool {
	st, err := os.Stat(r.path)
	if err != nil {
		// Renamed away and not yet recreated: keep waiting.
		return false
	}
	if !os.SameFile(st, r.fi) {
		nf, err := os.Open(r.path)
		if err != nil {
			return false
		}
		nfi, err := nf.Stat()
		if err != nil {
			nf.Close()
			return false
		}
		r.f.Close()
		r.f, r.fi, r.off = nf, nfi, 0
		return true
	}
	if st.Size() < r.off {
		if _, err := r.f.Seek(0, io.SeekStart); err == nil {
			r.off = 0
			return true
		}
	}
	return false
}

// Close releases the file.
func (r *followReader) Close() { r.f.Close() }
