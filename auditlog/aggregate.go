package auditlog

import (
	"container/heap"
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	report "github.com/vaultguard/vaultguard/report/audit"
)

// counter is one tracked key of a topK table.
type counter struct {
	key       string
	count     int64
	overcount int64 // Space-Saving error bound: count may be high by this much
	denied    int64
	errors    int64
	label     string // e.g. the auth method of an identity
	lastLease string
	lastTime  time.Time
	idx       int
}

type counterHeap []*counter

func (h counterHeap) Len() int           { return len(h) }
func (h counterHeap) Less(i, j int) bool { return h[i].count < h[j].count }
func (h counterHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i]; h[i].idx = i; h[j].idx = j }
func (h *counterHeap) Push(x any)        { c := x.(*counter); c.idx = len(*h); *h = append(*h, c) }
func (h *counterHeap) Pop() any {
	old := *h
	c := old[len(old)-1]
	*h = old[:len(old)-1]
	return c
}

// topK counts keys in bounded memory with the Space-Saving algorithm: up
// to capacity keys are counted exactly; beyond that the least counted key
// is replaced and its count inherited as an error bound. Heavy hitters are
// always kept, which is what a top-N table needs.
type topK struct {
	capacity int
	idx      map[string]*counter
	h        counterHeap
	total    int64
	approx   bool
}

func newTopK(capacity int) *topK {
	return &topK{capacity: capacity, idx: map[string]*counter{}}
}

func (t *topK) add(key string) *counter {
	t.total++
	if c, ok := t.idx[key]; ok {
		c.count++
		heap.Fix(&t.h, c.idx)
		return c
	}
	if len(t.h) < t.capacity {
		c := &counter{key: key, count: 1}
		t.idx[key] = c
		heap.Push(&t.h, c)
		return c
	}
	t.approx = true
	c := t.h[0]
	delete(t.idx, c.key)
	*c = counter{key: key, count: c.count + 1, overcount: c.count, idx: 0}
	t.idx[key] = c
	heap.Fix(&t.h, 0)
	return c
}

// sorted returns the counters by descending count, then key.
func (t *topK) sorted() []*counter {
	out := append([]*counter(nil), t.h...)
	sort.Slice(out, func(i, j int) bool {
		if out[i].count != out[j].count {
			return out[i].count > out[j].count
		}
		return out[i].key < out[j].key
	})
	return out
}

// isSecretPath reports whether a request touched a secrets engine (not
// sys/, auth/, identity or token endpoints).
func isSecretPath(r *Request) bool {
	switch r.MountType {
	case "system", "token", "identity", "cubbyhole", "ns_system", "ns_token", "ns_identity", "ns_cubbyhole":
		return false
	case "":
		return !strings.HasPrefix(r.Path, "sys/") && !strings.HasPrefix(r.Path, "auth/") && !strings.HasPrefix(r.Path, "identity/")
	}
	return r.MountClass != "auth"
}

// aggregator builds the access report in bounded memory.
type aggregator struct {
	top                                    int
	paths, identities, secrets, secretWho  *topK
	sources, deniedPaths, deniedWho, mount *topK
	creds                                  *topK
	outcomes                               map[report.Outcome]int64
	first, last                            time.Time
	red                                    *Redactor
}

func newAggregator(top int, red *Redactor) *aggregator {
	c := max(256, top*20)
	return &aggregator{
		top: top, red: red,
		paths: newTopK(c), identities: newTopK(c), secrets: newTopK(c), secretWho: newTopK(c * 4),
		sources: newTopK(c * 4), deniedPaths: newTopK(c), deniedWho: newTopK(c), mount: newTopK(c),
		creds: newTopK(c), outcomes: map[report.Outcome]int64{},
	}
}

const sep = "\x00"

func (a *aggregator) add(j *Joined) {
	m := j.Main()
	t := j.Time()
	if !t.IsZero() {
		if a.first.IsZero() || t.Before(a.first) {
			a.first = t
		}
		if t.After(a.last) {
			a.last = t
		}
	}
	out, _ := OutcomeOf(j)
	a.outcomes[out]++
	denied, failed := out == report.OutcomeDenied, out == report.OutcomeError
	bump := func(c *counter) {
		if denied {
			c.denied++
		}
		if failed {
			c.errors++
		}
	}
	r := &m.Request
	lp := LogicalPath(r)
	auth := authOf(m)
	who := whoKey(auth)
	method := AuthMethod(m)

	bump(a.paths.add(lp))
	c := a.identities.add(who)
	bump(c)
	c.label = method
	a.sources.add(who + sep + r.RemoteAddress)
	if isSecretPath(r) {
		bump(a.secrets.add(lp))
		bump(a.secretWho.add(lp + sep + who))
	}
	if denied {
		a.deniedPaths.add(lp)
		a.deniedWho.add(who)
	}
	bump(a.mount.add(r.MountPoint + sep + r.MountType + sep + r.Operation))
	if lease := m.Response.LeaseID; lease != "" {
		role := r.Path
		c = a.creds.add(role + sep + who)
		c.lastLease, c.lastTime = lease, t
	}
}

// whoKey is the identity as a report row shows it.
func whoKey(a *Auth) string {
	var parts []string
	if a.DisplayName != "" {
		parts = append(parts, a.DisplayName)
	}
	for _, k := range roleKeys {
		if v := a.Meta(k); v != "" && v != a.DisplayName {
			parts = append(parts, "role="+v)
			break
		}
	}
	if len(parts) == 0 {
		if a.EntityID != "" {
			return "entity=" + a.EntityID
		}
		return "(no token)"
	}
	return strings.Join(parts, " ")
}

// rows turns the top counters into table rows via fn; the rest is counted
// as omitted.
func (a *aggregator) table(name, title string, cols []string, t *topK, fn func(c *counter, parts []string) []any) report.Table {
	tbl := report.Table{Name: name, Title: title, Columns: cols}
	all := t.sorted()
	for i, c := range all {
		if i >= a.top {
			tbl.Omitted = int64(len(all) - a.top)
			if t.approx {
				tbl.Title += " (approximate: more distinct values than tracked)"
			}
			break
		}
		row := fn(c, strings.Split(c.key, sep))
		for k, v := range row {
			if s, ok := v.(string); ok {
				row[k] = a.red.String(s)
			}
		}
		tbl.Rows = append(tbl.Rows, row)
	}
	return tbl
}

// grouped renders pair counters (group + sep + member) as one row per
// group with its top members, for "identities per secret" and "source
// addresses per identity".
func (a *aggregator) grouped(name, title string, cols []string, groups, pairs *topK, members int) report.Table {
	byGroup := map[string][]*counter{}
	for _, c := range pairs.sorted() {
		g, _, _ := strings.Cut(c.key, sep)
		byGroup[g] = append(byGroup[g], c)
	}
	return a.table(name, title, cols, groups, func(c *counter, parts []string) []any {
		list := byGroup[c.key]
		var b strings.Builder
		for i, m := range list {
			if i >= members {
				fmt.Fprintf(&b, " +%d more", len(list)-members)
				break
			}
			if i > 0 {
				b.WriteString(", ")
			}
			_, member, _ := strings.Cut(m.key, sep)
			if member == "" {
				member = "(none)"
			}
			fmt.Fprintf(&b, "%s (%d", member, m.count)
			if m.denied > 0 {
				fmt.Fprintf(&b, ", %d denied", m.denied)
			}
			b.WriteString(")")
		}
		return []any{parts[0], c.count, len(list), b.String()}
	})
}

func (a *aggregator) report() *report.Report {
	rep := &report.Report{First: a.first, Last: a.last}
	totals := report.Table{Name: "totals", Title: "Requests", Columns: []string{"outcome", "requests"}}
	for _, o := range []report.Outcome{report.OutcomeAllowed, report.OutcomeDenied, report.OutcomeError, report.OutcomeNoResponse} {
		totals.Rows = append(totals.Rows, []any{string(o), a.outcomes[o]})
	}
	counts := func(c *counter, parts []string) []any { return []any{parts[0], c.count, c.denied, c.errors} }
	rep.Tables = append(rep.Tables, totals,
		a.table("top_paths", "Top paths (KV v2 API paths folded into the secret path)", []string{"path", "requests", "denied", "errors"}, a.paths, counts),
		a.table("top_identities", "Top identities", []string{"identity", "auth_method", "requests", "denied", "errors"}, a.identities,
			func(c *counter, parts []string) []any { return []any{parts[0], c.label, c.count, c.denied, c.errors} }),
		a.grouped("identities_per_secret", "Identities per secret", []string{"secret", "requests", "identities", "who"}, a.secrets, a.secretWho, 5),
		a.grouped("sources_per_identity", "Source addresses per identity", []string{"identity", "requests", "addresses", "from"}, a.identities, a.sources, 5),
		a.table("denied_by_path", "Denied requests by path", []string{"path", "denied"}, a.deniedPaths,
			func(c *counter, parts []string) []any { return []any{parts[0], c.count} }),
		a.table("denied_by_identity", "Denied requests by identity", []string{"identity", "denied"}, a.deniedWho,
			func(c *counter, parts []string) []any { return []any{parts[0], c.count} }),
		a.table("operations_by_mount", "Operations by mount", []string{"mount_point", "mount_type", "operation", "requests", "denied", "errors"}, a.mount,
			func(c *counter, parts []string) []any {
				return []any{parts[0], parts[1], parts[2], c.count, c.denied, c.errors}
			}),
		a.table("dynamic_credentials", "Dynamic credentials issued (leases) per role and identity", []string{"role_path", "identity", "issued", "last_lease_id", "last_issued"}, a.creds,
			func(c *counter, parts []string) []any {
				return []any{parts[0], parts[1], c.count, c.lastLease, c.lastTime.UTC().Format(time.RFC3339)}
			}),
	)
	return rep
}

// BuildReport reads the run's inputs and returns the access report with
// top N rows per table.
func BuildReport(ctx context.Context, run *Run, top int) (*report.Report, *report.Summary, error) {
	if top <= 0 {
		top = 10
	}
	red := NewRedactor()
	agg := newAggregator(top, red)
	var n int64
	sum, err := run.each(ctx, nil, red, func(j *Joined) error {
		n++
		agg.add(j)
		return nil
	})
	rep := agg.report()
	rep.Since, rep.Until = run.Since, run.Until
	sum.Records, sum.Redacted = n, red.Count
	return rep, sum, err
}
