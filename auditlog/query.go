package auditlog

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	report "github.com/vaultguard/vaultguard/report/audit"
)

// Run says what to read and how; the queries below share it.
type Run struct {
	Inputs []Input
	// Since and Until bound the request time (zero: unbounded).
	Since, Until time.Time
	Scan         Options
	Join         JoinOptions
}

// OpFilter selects requests by operation.
type OpFilter struct {
	all      bool
	ops      map[string]bool
	readLike bool
}

// ParseOps parses --op: "all", or a comma-separated list of Vault
// operations (read, list, create, update, delete, ...). "read" also
// selects the writes that hand out secret material: transit decrypt and
// rewrap.
func ParseOps(s string) (OpFilter, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		s = "read"
	}
	f := OpFilter{ops: map[string]bool{}}
	for _, op := range strings.Split(s, ",") {
		op = strings.ToLower(strings.TrimSpace(op))
		switch op {
		case "":
		case "all", "*":
			f.all = true
		case "read", "list", "create", "update", "delete", "patch", "help", "alias-lookahead", "header", "resolve-role", "rollback", "renew", "revoke":
			f.ops[op] = true
			if op == "read" {
				f.readLike = true
			}
		case "write":
			f.ops["create"], f.ops["update"], f.ops["patch"] = true, true, true
		default:
			return OpFilter{}, fmt.Errorf("unknown operation %q in --op (want all, read, list, create, update, patch, delete, ...)", op)
		}
	}
	return f, nil
}

// Match reports whether the request's operation is selected.
func (f OpFilter) Match(r *Request) bool {
	if f.all || f.ops[r.Operation] {
		return true
	}
	if f.readLike && r.Operation == "update" && r.MountType == "transit" {
		return strings.Contains(r.Path, "/decrypt/") || strings.Contains(r.Path, "/rewrap/")
	}
	return false
}

// skipOld drops inputs whose last modification is before since: a file
// cannot hold entries written after it was last modified.
func skipOld(ins []Input, since time.Time) []Input {
	if since.IsZero() {
		return ins
	}
	out := ins[:0:0]
	for _, in := range ins {
		if in.ModTime.IsZero() || !in.ModTime.Before(since) {
			out = append(out, in)
		}
	}
	return out
}

// each streams the inputs through the joiner and calls fn with every
// request inside the time bounds. It returns the run summary; on Ctrl-C
// what was read so far is still flushed.
func (run *Run) each(ctx context.Context, needles [][]byte, red *Redactor, fn func(*Joined) error) (*report.Summary, error) {
	start := time.Now()
	opts := run.Scan
	opts.Needles = needles
	var records int64
	join := NewJoiner(run.Join, func(j *Joined) error {
		t := j.Time()
		if (!run.Since.IsZero() && t.Before(run.Since)) || (!run.Until.IsZero() && t.After(run.Until)) {
			return nil
		}
		records++
		return fn(j)
	})
	window := join.opts.Window
	inputs := skipOld(run.Inputs, run.Since)
	st, err := ScanDevices(ctx, inputs, opts, func(e *Entry) error {
		if !run.Since.IsZero() && !e.Time.IsZero() && e.Time.Before(run.Since.Add(-window)) {
			return nil
		}
		if !run.Until.IsZero() && e.Time.After(run.Until.Add(window)) {
			return nil
		}
		red.Observe(e)
		return join.Add(e)
	})
	if err == nil || errors.Is(err, context.Canceled) {
		if ferr := join.Flush(); ferr != nil && err == nil {
			err = ferr
		}
	}
	sum := &report.Summary{
		Files:          st.Files,
		Bytes:          st.Bytes,
		Lines:          st.Lines,
		Entries:        st.Entries,
		Prefiltered:    st.Prefiltered,
		Duplicates:     join.Stats.Duplicates,
		NoResponse:     join.Stats.NoResponse,
		OrphanResponse: join.Stats.Orphans,
		Malformed:      st.Malformed,
		MalformedLines: st.MalformedSamples,
		Elapsed:        time.Since(start).Round(time.Millisecond).String(),
	}
	if needles != nil {
		// With the pre-filter on, a response often matches where its
		// request does not (a login response names the user; its request
		// does not), so the orphan count says nothing useful.
		sum.OrphanResponse = 0
	}
	if sum.MalformedLines == nil {
		sum.MalformedLines = []report.Malformed{}
	}
	_ = records
	return sum, err
}

// WhoRead emits a record for every request to a path matching q whose
// operation ops selects, denied and failed attempts included.
func WhoRead(ctx context.Context, run *Run, q *PathQuery, ops OpFilter, emit func(*report.Record) error) (*report.Summary, error) {
	red := NewRedactor()
	var n int64
	sum, err := run.each(ctx, q.Needles(), red, func(j *Joined) error {
		m := j.Main()
		if !q.Match(&m.Request) || !ops.Match(&m.Request) {
			return nil
		}
		rec := ToRecord(j, red)
		n++
		return emit(&rec)
	})
	sum.Records, sum.Redacted = n, red.Count
	return sum, err
}

// IdentityQuery selects one identity by what a responder has at hand: a
// display name (userpass-carol), a user or role name from the token's
// metadata (carol, billing-api), an entity id, an accessor, or a client
// token as the log holds it (an hmac-sha256 value from `audit hash`, or a
// raw token in a log_raw log). Tokens are matched but never printed.
type IdentityQuery struct {
	Value string
}

var identityMetaKeys = []string{"username", "role_name", "role", "service_account_name", "email", "name"}

// Match reports whether the entry was made by (or, for a login, issued a
// token to) the identity.
func (q IdentityQuery) Match(e *Entry) bool {
	v := q.Value
	for _, a := range []*Auth{&e.Auth, &e.Response.Auth} {
		if !a.Present {
			continue
		}
		if a.DisplayName == v || a.EntityID == v || a.Accessor == v || a.ClientToken == v {
			return true
		}
		for _, k := range identityMetaKeys {
			if a.Meta(k) == v {
				return true
			}
		}
	}
	return e.Request.ClientTokenAccessor == v || e.Request.ClientToken == v
}

// WhoDid emits a record for everything one identity did.
func WhoDid(ctx context.Context, run *Run, q IdentityQuery, ops OpFilter, path *PathQuery, emit func(*report.Record) error) (*report.Summary, error) {
	red := NewRedactor()
	var needles [][]byte
	if jsonSafe(q.Value) && q.Value != "" {
		needles = [][]byte{[]byte(q.Value)}
	}
	var n int64
	sum, err := run.each(ctx, needles, red, func(j *Joined) error {
		m := j.Main()
		if !q.Match(m) && (j.Req == nil || !q.Match(j.Req)) {
			return nil
		}
		if !ops.Match(&m.Request) || (path != nil && !path.Match(&m.Request)) {
			return nil
		}
		rec := ToRecord(j, red)
		n++
		return emit(&rec)
	})
	sum.Records, sum.Redacted = n, red.Count
	return sum, err
}
