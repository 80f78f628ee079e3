package rules_test

import (
	"context"
	"io/fs"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/vaultguard/vaultguard/lint/acl"
	"github.com/vaultguard/vaultguard/rules"
)

// TestACLRegoMatchesGo checks that rules/lib/acl.rego (used by the
// policy-set rules) agrees with lint/acl (checked against a real Vault)
// on priority and matching, and that its overlap and coverage claims hold
// by Go's matching, over seeded random patterns and paths.
func TestACLRegoMatchesGo(t *testing.T) {
	src, err := fs.ReadFile(rules.FS, "lib/acl.rego")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	prepared := map[string]rego.PreparedEvalQuery{}
	for _, expr := range []string{
		"data.vaultguard.acl.matches(input.a, input.path)",
		"data.vaultguard.acl.higher(input.a, input.b)",
		"data.vaultguard.acl.overlap(input.a, input.b)",
		"data.vaultguard.acl.witness(input.a, input.b)",
		"data.vaultguard.acl.covers(input.b, input.a)",
	} {
		q, err := rego.New(rego.Query(expr), rego.Module("acl.rego", string(src))).PrepareForEval(ctx)
		if err != nil {
			t.Fatal(err)
		}
		prepared[expr] = q
	}
	rng := rand.New(rand.NewPCG(7, 11))
	segs := []string{"s", "a", "ab", "b", ""}
	pattern := func() string {
		k := 1 + rng.IntN(4)
		parts := make([]string, k)
		for i := range parts {
			if rng.IntN(3) == 0 {
				parts[i] = "+"
			} else {
				parts[i] = segs[rng.IntN(len(segs)-1)]
			}
		}
		p := strings.Join(parts, "/")
		if rng.IntN(2) == 0 && !strings.HasSuffix(p, "+") {
			p += "*"
		}
		return p
	}
	path := func() string {
		k := 1 + rng.IntN(5)
		parts := make([]string, k)
		for i := range parts {
			parts[i] = segs[rng.IntN(len(segs))]
		}
		return strings.Join(parts, "/")
	}
	single := func(expr string, input map[string]any) (any, bool) {
		rs, err := prepared[expr].Eval(ctx, rego.EvalInput(input))
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) == 0 || len(rs[0].Expressions) == 0 {
			return nil, false
		}
		v := rs[0].Expressions[0].Value
		return v, v != false
	}
	matched, ranked, overlaps, covers := 0, 0, 0, 0
	for range 1000 {
		a, b, p := pattern(), pattern(), path()
		in := map[string]any{"a": a, "b": b, "path": p}
		if acl.Matches(a, p) {
			matched++
		}
		if _, ok := single("data.vaultguard.acl.matches(input.a, input.path)", in); ok != acl.Matches(a, p) {
			t.Errorf("matches(%q, %q): rego %v, go %v", a, p, ok, acl.Matches(a, p))
		}
		ka, _ := acl.Classify(a)
		kb, _ := acl.Classify(b)
		if ka != acl.Exact && kb != acl.Exact && a != b {
			ranked++
			_, regoHigher := single("data.vaultguard.acl.higher(input.a, input.b)", in)
			if goHigher := acl.Less(b, a); regoHigher != goHigher {
				t.Errorf("higher(%q, %q): rego %v, go %v", a, b, regoHigher, goHigher)
			}
		}
		if _, ok := single("data.vaultguard.acl.overlap(input.a, input.b)", in); ok {
			overlaps++
			w, _ := single("data.vaultguard.acl.witness(input.a, input.b)", in)
			ws, _ := w.(string)
			if !acl.Matches(a, ws) || !acl.Matches(b, ws) {
				t.Errorf("overlap(%q, %q) claimed with witness %q that Go does not match", a, b, ws)
			}
		}
		if _, ok := single("data.vaultguard.acl.covers(input.b, input.a)", in); ok {
			covers++
			for range 20 {
				q := path()
				if acl.Matches(a, q) && !acl.Matches(b, q) {
					t.Errorf("covers(%q, %q) claimed but %q matches only the first", b, a, q)
					break
				}
			}
		}
	}
	t.Logf("%d matching paths, %d ranked pairs, %d overlaps, %d coverings checked", matched, ranked, overlaps, covers)
	if matched == 0 || ranked == 0 || overlaps == 0 || covers == 0 {
		t.Error("the random cases exercised nothing on one of the checks")
	}
}
