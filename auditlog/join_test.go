package auditlog

import (
	"bytes"
	"context"
	"testing"
	"time"

	report "github.com/vaultguard/vaultguard/report/audit"
)

// TestDevicesDeduplicated writes the same 2000 requests into two devices'
// logs and reads both with a de-duplication window of only 16 keys: the
// logs are merged by time, so each copy meets its twin within the window
// and every request is reported once.
func TestDevicesDeduplicated(t *testing.T) {
	dir := t.TempDir()
	var lines []string
	for i := 0; i < 2000; i++ {
		lines = append(lines, goodPair(i)...)
	}
	a := writeFile(t, dir, "file-audit.log", joinLines(lines...))
	b := writeFile(t, dir, "socket-audit.log", joinLines(lines...))
	ins, err := ExpandInputs([]string{a, b}, nil)
	if err != nil {
		t.Fatal(err)
	}
	run := &Run{Inputs: ins, Join: JoinOptions{DedupeSize: 16}}
	q, _ := ParsePathQuery("kv/*")
	ops, _ := ParseOps("all")
	seen := map[string]int{}
	sum, err := WhoRead(context.Background(), run, q, ops, func(r *report.Record) error {
		seen[r.RequestID]++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 2000 || sum.Records != 2000 || sum.Duplicates != 4000 {
		t.Fatalf("%d distinct, %d records, %d duplicates; want 2000, 2000, 4000", len(seen), sum.Records, sum.Duplicates)
	}
	if sum.NoResponse != 0 {
		t.Errorf("%d requests without response", sum.NoResponse)
	}
}

func TestJoinerWindowReportsNoResponse(t *testing.T) {
	var got []*Joined
	j := NewJoiner(JoinOptions{Window: time.Minute}, func(x *Joined) error { got = append(got, x); return nil })
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	add := func(id, typ string, at time.Duration) {
		e := &Entry{Type: typ, Time: t0.Add(at), Request: Request{ID: id, Path: "kv/data/x"}}
		if err := j.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	add("a", "request", 0)
	add("b", "request", time.Second)
	add("b", "response", 2*time.Second)
	add("c", "request", 2*time.Minute) // a is now out of the window
	if len(got) != 2 || got[0].Req.Request.ID != "b" || got[1].Resp != nil || got[1].Req.Request.ID != "a" {
		t.Fatalf("got %d joined, want b then a (no response)", len(got))
	}
	if err := j.Flush(); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[2].Req.Request.ID != "c" || j.Stats.NoResponse != 2 {
		t.Fatalf("after flush: %d joined, %d without response", len(got), j.Stats.NoResponse)
	}
	out, _ := OutcomeOf(got[2])
	if out != report.OutcomeNoResponse {
		t.Errorf("outcome %s, want no_response", out)
	}
}

func TestPathQuery(t *testing.T) {
	cases := []struct {
		query, path, mount, mtype string
		want                      bool
	}{
		{"secret/payments/stripe", "secret/data/payments/stripe", "secret/", "kv", true},
		{"secret/payments/stripe", "secret/metadata/payments/stripe", "secret/", "kv", true},
		{"secret/payments/stripe", "secret/destroy/payments/stripe", "secret/", "kv", true},
		{"secret/payments/stripe", "secret/payments/stripe", "secret/", "kv", true},
		{"secret/payments/stripe", "secret/data/payments/stripe-old", "secret/", "kv", false},
		{"secret/payments/*", "secret/data/payments/stripe", "secret/", "kv", true},
		{"secret/payments/*", "secret/data/payments/a/b", "secret/", "kv", true},
		{"secret/+/stripe", "secret/data/payments/stripe", "secret/", "kv", true},
		{"secret/+/stripe", "secret/data/a/b/stripe", "secret/", "kv", false},
		{"team/kv/app/x", "team/kv/data/app/x", "team/kv/", "kv", true},
		{"database/creds/*", "database/creds/ro", "database/", "database", true},
		{"secret/data/payments/stripe", "secret/data/payments/stripe", "", "", true},
		{"secret/payments/stripe", "secret/data/payments/stripe", "", "", true},
		{"transit/payments/x", "transit/data/payments/x", "transit/", "transit", false},
	}
	for _, c := range cases {
		q, err := ParsePathQuery(c.query)
		if err != nil {
			t.Fatal(err)
		}
		r := &Request{Path: c.path, MountPoint: c.mount, MountType: c.mtype}
		if got := q.Match(r); got != c.want {
			t.Errorf("%s ~ %s (mount %s %s) = %v, want %v", c.query, c.path, c.mount, c.mtype, got, c.want)
		}
		if c.want {
			line := []byte(`{"request":{"path":"` + c.path + `"}}`)
			for _, n := range q.Needles() {
				if !bytes.Contains(line, n) {
					t.Errorf("%s: needle %q not in matching line %s", c.query, n, line)
				}
			}
		}
	}
}
