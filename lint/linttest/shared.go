package linttest

import (
	"os"
	"path/filepath"
	"testing"
)

// Shared returns ../shared/<parts...> relative to the module root, the
// public corpus and samples that live beside the repository, or skips the
// test with a message when they are not there.
func Shared(t testing.TB, parts ...string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("module root not found")
		}
		dir = parent
	}
	p := filepath.Join(append([]string{dir, "..", "shared"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("no shared data at %s (it lives outside the repository): %v", p, err)
	}
	return p
}
