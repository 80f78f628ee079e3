package forward

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestFileSourceFollowsGrowthAndRotation: lines appended later, a partial
// line completed later, and a rename rotation are all read, with offsets
// that point after each line.
func TestFileSourceFollowsGrowthAndRotation(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "audit.log")
	if err := os.WriteFile(p, []byte("{\"a\":1}\n{\"b\""), 0o600); err != nil {
		t.Fatal(err)
	}
	src := &FileSource{Path: p, Follow: true, Poll: 10 * time.Millisecond}
	out := make(chan Line, 16)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { _ = src.Run(ctx, 0, out) }()
	next := func() Line {
		t.Helper()
		select {
		case l := <-out:
			return l
		case <-time.After(5 * time.Second):
			t.Fatal("no line")
		}
		return Line{}
	}
	if l := next(); string(l.Data) != `{"a":1}` || l.Start != 0 || l.End != 8 {
		t.Fatalf("first line %q %d-%d", l.Data, l.Start, l.End)
	}
	f, _ := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	fmt.Fprint(f, ":2}\n")
	f.Close()
	if l := next(); string(l.Data) != `{"b":2}` || l.Start != 8 || l.End != 16 {
		t.Fatalf("completed line %q %d-%d", l.Data, l.Start, l.End)
	}
	if err := os.Rename(p, p+".1"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("{\"c\":3}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if l := next(); string(l.Data) != `{"c":3}` || l.Start != 0 || l.End != 8 {
		t.Fatalf("after rotation %q %d-%d", l.Data, l.Start, l.End)
	}
}
