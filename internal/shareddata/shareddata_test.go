package shareddata

import (
	"fmt"
	"testing"
)

// recorder stands in for *testing.T to see whether Path skips or fails.
type recorder struct {
	testing.TB
	skipped, failed string
}

func (r *recorder) Helper() {}
func (r *recorder) Skipf(format string, args ...any) {
	r.skipped = fmt.Sprintf(format, args...)
	panic(r)
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
	panic(r)
}

func call(r *recorder, parts ...string) {
	defer func() {
		if v := recover(); v != nil && v != r {
			panic(v)
		}
	}()
	Path(r, parts...)
}

func TestMissingSkipsUnlessRequired(t *testing.T) {
	t.Setenv("VAULTGUARD_REQUIRE_SHARED", "")
	r := &recorder{TB: t}
	call(r, "no-such-dir-vaultguard")
	if r.skipped == "" || r.failed != "" {
		t.Fatalf("without the variable a missing dir must skip: skipped=%q failed=%q", r.skipped, r.failed)
	}

	t.Setenv("VAULTGUARD_REQUIRE_SHARED", "1")
	r = &recorder{TB: t}
	call(r, "no-such-dir-vaultguard")
	if r.failed == "" || r.skipped != "" {
		t.Fatalf("with VAULTGUARD_REQUIRE_SHARED=1 a missing dir must fail: skipped=%q failed=%q", r.skipped, r.failed)
	}
}
