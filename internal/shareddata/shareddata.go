// Package shareddata finds the public corpus and samples that live beside
// the repository (../shared from the module root) for tests. A test that
// needs them skips with a message when they are absent, unless
// VAULTGUARD_REQUIRE_SHARED=1 is set (CI sets it), where it fails instead:
// a clean clone must not pass by skipping its real-data tests.
package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

// Path returns ../shared/<parts...> relative to the module root, the
// public corpus and samples that live beside the repository, or skips the
// test with a message when they are not there.
func Path(t testing.TB, parts ...string) string {
	t.Helper()
	dir := ModuleRoot(t)
	p := filepath.Join(append([]string{dir, "..", "shared"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		missing(t, "no shared data at %s (it lives outside the repository): %v", p, err)
	}
	return p
}

// Required reports whether a missing ../shared must fail the test.
func Required() bool { return os.Getenv("VAULTGUARD_REQUIRE_SHARED") == "1" }

func missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if Required() {
		t.Fatalf(format+" (VAULTGUARD_REQUIRE_SHARED=1)", args...)
	}
	t.Skipf(format, args...)
}

// ModuleRoot walks up from the test's directory to the one holding go.mod.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("module root not found")
		}
		dir = parent
	}
}
