package auditlog

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// Input is one log source: a file, or stdin when Path is "-".
type Input struct {
	Path string
	// Size is the on-disk size when known (for progress), else 0.
	Size int64
	// ModTime is the last modification time when known.
	ModTime time.Time
	// Stdin is read when Path is "-".
	Stdin io.Reader
}

// Name is how the input is shown in positions and summaries.
func (in Input) Name() string { return in.Path }

// ExpandInputs turns the command-line arguments into an ordered list of
// inputs: "-" (or no argument) is stdin; a directory is every regular file
// in it; a glob is every match. Files that share a stem (audit.log,
// audit.log.1, audit.log.2.gz, audit.log-20240101) are one device's
// rotation set and come oldest first; sets are kept in argument order.
func ExpandInputs(args []string, stdin io.Reader) ([]Input, error) {
	if len(args) == 0 {
		return []Input{{Path: "-", Stdin: stdin}}, nil
	}
	var out []Input
	seen := map[string]bool{}
	for _, a := range args {
		if a == "-" {
			out = append(out, Input{Path: "-", Stdin: stdin})
			continue
		}
		var matches []string
		st, err := os.Stat(a)
		switch {
		case err == nil && st.IsDir():
			ents, err := os.ReadDir(a)
			if err != nil {
				return nil, fmt.Errorf("read directory %s: %w", a, err)
			}
			for _, e := range ents {
				if e.Type().IsRegular() {
					matches = append(matches, filepath.Join(a, e.Name()))
				}
			}
		case err == nil:
			matches = []string{a}
		case errors.Is(err, fs.ErrNotExist) && strings.ContainsAny(a, "*?["):
			matches, err = filepath.Glob(a)
			if err != nil {
				return nil, fmt.Errorf("expand %s: %w", a, err)
			}
			if len(matches) == 0 {
				return nil, fmt.Errorf("expand %s: no file matches", a)
			}
		default:
			return nil, fmt.Errorf("open %s: %w", a, err)
		}
		var files []fileInfo
		for _, m := range matches {
			if seen[m] {
				continue
			}
			seen[m] = true
			st, err := os.Stat(m)
			if err != nil {
				return nil, fmt.Errorf("stat %s: %w", m, err)
			}
			if !st.Mode().IsRegular() && st.Mode()&fs.ModeNamedPipe == 0 {
				continue
			}
			files = append(files, fileInfo{path: m, size: st.Size(), mtime: st.ModTime().UnixNano()})
		}
		for _, f := range orderRotated(files) {
			out = append(out, Input{Path: f.path, Size: f.size, ModTime: time.Unix(0, f.mtime)})
		}
	}
	return out, nil
}

type fileInfo struct {
	path  string
	size  int64
	mtime int64
}

var (
	compressedSuffix = regexp.MustCompile(`\.(gz|zst|zstd)$`)
	rotationSuffix   = regexp.MustCompile(`([.-](\d{1,4}|\d{8}(-?\d{4,10})?))$`)
)

// stem strips compression and rotation suffixes: audit.log.2.gz -> audit.log.
func stem(path string) (string, int) {
	s := compressedSuffix.ReplaceAllString(path, "")
	m := rotationSuffix.FindStringSubmatch(s)
	if m == nil {
		return s, 0
	}
	n, _ := strconv.Atoi(strings.TrimLeft(m[1], ".-"))
	if len(m[2]) <= 4 {
		return strings.TrimSuffix(s, m[1]), n
	}
	return strings.TrimSuffix(s, m[1]), -1
}

// orderRotated groups files by stem (groups in first-seen order) and sorts
// each group oldest first: by modification time, then by rotation number
// descending (audit.log.3 is older than audit.log.1), then by name.
func orderRotated(files []fileInfo) []fileInfo {
	type group struct {
		key   string
		files []fileInfo
	}
	var groups []*group
	byKey := map[string]*group{}
	for _, f := range files {
		k, _ := stem(f.path)
		g := byKey[k]
		if g == nil {
			g = &group{key: k}
			byKey[k] = g
			groups = append(groups, g)
		}
		g.files = append(g.files, f)
	}
	var out []fileInfo
	for _, g := range groups {
		sort.SliceStable(g.files, func(i, j int) bool {
			a, b := g.files[i], g.files[j]
			if a.mtime != b.mtime {
				return a.mtime < b.mtime
			}
			_, na := stem(a.path)
			_, nb := stem(b.path)
			if na != nb {
				return na > nb
			}
			return a.path < b.path
		})
		out = append(out, g.files...)
	}
	return out
}

// countingReader reports bytes read from the underlying (compressed) file,
// so progress is measured against on-disk size.
type countingReader struct {
	r io.Reader
	n *int64
	f func(int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 {
		*c.n += int64(n)
		if c.f != nil {
			c.f(int64(n))
		}
	}
	return n, err
}

var (
	gzipMagic = []byte{0x1f, 0x8b}
	zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}
)

// decompress sniffs the first bytes (not the file name, which rotation
// tools do not always set) and wraps gzip or zstd streams.
func decompress(r io.Reader) (io.Reader, func(), error) {
	br := bufio.NewReaderSize(r, 256<<10)
	head, _ := br.Peek(4)
	switch {
	case bytes.HasPrefix(head, gzipMagic):
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, nil, fmt.Errorf("open gzip stream: %w", err)
		}
		return zr, func() { zr.Close() }, nil
	case bytes.HasPrefix(head, zstdMagic):
		zr, err := zstd.NewReader(br, zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true))
		if err != nil {
			return nil, nil, fmt.Errorf("open zstd stream: %w", err)
		}
		return zr, zr.Close, nil
	}
	return br, func() {}, nil
}

// openInput opens an input for reading; the returned closer releases it.
func openInput(ctx context.Context, in Input, follow bool, counted *int64, progress func(int64)) (io.Reader, func(), error) {
	var raw io.Reader
	closeRaw := func() {}
	switch {
	case in.Path == "-":
		raw = in.Stdin
		if raw == nil {
			raw = os.Stdin
		}
	case follow:
		fr, err := newFollowReader(ctx, in.Path)
		if err != nil {
			return nil, nil, err
		}
		raw, closeRaw = fr, fr.Close
	default:
		f, err := os.Open(in.Path)
		if err != nil {
			return nil, nil, fmt.Errorf("open %s: %w", in.Path, err)
		}
		raw, closeRaw = f, func() { f.Close() }
	}
	raw = &countingReader{r: raw, n: counted, f: progress}
	if follow {
		// A followed file is plain text being appended to; never sniff it
		// (the sniffer would block waiting for the first bytes).
		return raw, closeRaw, nil
	}
	r, closeDec, err := decompress(raw)
	if err != nil {
		closeRaw()
		return nil, nil, fmt.Errorf("%s: %w", in.Path, err)
	}
	return r, func() { closeDec(); closeRaw() }, nil
}
