package lint

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadLimited(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.hcl")
	body := bytes.Repeat([]byte("x"), 100)
	if err := os.WriteFile(p, body, 0o600); err != nil {
		t.Fatal(err)
	}
	if src, skip := readLimited(p, 100); skip != "" || !bytes.Equal(src, body) {
		t.Fatalf("a file at the limit: %q %q", src, skip)
	}
	if src, skip := readLimited(p, 99); src != nil || !strings.Contains(skip, "larger than the 99-byte limit") {
		t.Fatalf("a file over the limit: %q %q", src, skip)
	}
	if _, skip := readLimited(filepath.Join(dir, "missing.hcl"), 100); !strings.Contains(skip, "no such file") {
		t.Fatalf("a missing file: %q", skip)
	}
	if _, skip := readLimited(dir, 1<<20); !strings.Contains(skip, "is a directory") {
		t.Fatalf("a directory: %q", skip)
	}
	// Files whose size fstat does not know (procfs reports 0) are read
	// to the end all the same.
	if _, err := os.Stat("/proc/self/status"); err == nil {
		src, skip := readLimited("/proc/self/status", 1<<20)
		if skip != "" || !bytes.Contains(src, []byte("Name:")) {
			t.Fatalf("/proc/self/status: %d bytes, %q", len(src), skip)
		}
		if _, skip := readLimited("/proc/self/status", 10); !strings.Contains(skip, "more than the 10-byte limit") {
			t.Fatalf("a size-less file over the limit: %q", skip)
		}
	}
}
