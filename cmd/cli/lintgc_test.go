package cli

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func gcPercent() int {
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p
}

// TestLintGCCollectsOnlyPastTheHeadroom: a lint run starts with the
// collector off under a memory limit, and its first collection restores
// normal pacing with no limit, so a big input never grows without bound.
func TestLintGCCollectsOnlyPastTheHeadroom(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	oldPercent, oldLimit := gcPercent(), debug.SetMemoryLimit(-1)
	defer func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	}()
	lintGC()
	if p, l := gcPercent(), debug.SetMemoryLimit(-1); p != -1 || l != heapHeadroom(containerMemoryLimit()) {
		t.Fatalf("during the run: GOGC %d, limit %d; want off under %d", p, l, heapHeadroom(containerMemoryLimit()))
	}
	deadline := time.Now().Add(10 * time.Second)
	for gcPercent() != lintGCPercent || debug.SetMemoryLimit(-1) != math.MaxInt64 {
		if time.Now().After(deadline) {
			t.Fatalf("after a collection: GOGC %d, limit %d; want %d and none", gcPercent(), debug.SetMemoryLimit(-1), lintGCPercent)
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
}

// TestLintGCLeavesExplicitSettings: GOGC or GOMEMLIMIT set by the user win.
func TestLintGCLeavesExplicitSettings(t *testing.T) {
	t.Setenv("GOGC", "50")
	before := gcPercent()
	lintGC()
	if after := gcPercent(); after != before {
		t.Fatalf("GOGC=50 in the environment, yet the collector changed from %d to %d", before, after)
	}
}

// TestHeapHeadroomFitsTheContainer: in a container with little memory the
// collector starts at half of it, not at 256 MiB.
func TestHeapHeadroomFitsTheContainer(t *testing.T) {
	for limit, want := range map[int64]int64{0: lintHeapHeadroom, 8 << 30: lintHeapHeadroom, 256 << 20: 128 << 20, 100 << 20: 50 << 20} {
		if got := heapHeadroom(limit); got != want {
			t.Errorf("container limit %d: headroom %d, want %d", limit, got, want)
		}
	}
}
