package acl_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/vaultguard/vaultguard/lint/acl"
	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/tools/vaulttest"
)

// liveSet is a policy set and the paths to ask Vault about.
type liveSet struct {
	name     string
	policies map[string]string
	paths    []string
}

// liveSets are the documented and edge cases of TestDecide (templated
// sets need an entity and are left out) plus generated sets of
// overlapping globs and + patterns, to compare priority on many shapes.
func liveSets() []liveSet {
	var sets []liveSet
	for _, tc := range decideCases {
		if len(tc.opts.Templates) > 0 || strings.Contains(tc.name, "templated") {
			continue
		}
		if _, root := tc.policies["root"]; root {
			continue
		}
		ls := liveSet{name: tc.name, policies: tc.policies}
		for _, c := range tc.checks {
			if !slices.Contains(ls.paths, c.path) {
				ls.paths = append(ls.paths, c.path)
			}
		}
		sets = append(sets, ls)
	}
	return append(sets, generatedSets(30)...)
}

// generatedSets builds n policy sets of random patterns over a small
// vocabulary, so patterns overlap often, with random capabilities
// (deny included), and paths drawn from the same vocabulary.
func generatedSets(n int) []liveSet {
	rng := rand.New(rand.NewPCG(4, 2))
	segs := []string{"secret", "app", "db", "config", "x"}
	caps := []string{"read", "list", "update", "create", "delete", "deny", "sudo", "patch"}
	pattern := func() string {
		k := 1 + rng.IntN(4)
		parts := make([]string, k)
		for i := range parts {
			if i > 0 && rng.IntN(3) == 0 {
				parts[i] = "+"
			} else {
				parts[i] = segs[rng.IntN(len(segs))]
			}
		}
		p := strings.Join(parts, "/")
		switch rng.IntN(4) {
		case 0:
			p += "/*"
		case 1:
			if !strings.HasSuffix(p, "+") {
				p += "*"
			}
		}
		return p
	}
	var sets []liveSet
	for i := range n {
		ls := liveSet{name: fmt.Sprintf("generated-%d", i), policies: map[string]string{}}
		var patterns []string
		for j := range 2 {
			var b strings.Builder
			for range 2 + rng.IntN(3) {
				c1, c2 := caps[rng.IntN(len(caps))], caps[rng.IntN(len(caps))]
				p := pattern()
				patterns = append(patterns, p)
				fmt.Fprintf(&b, "path %q { capabilities = [%q, %q] }\n", p, c1, c2)
			}
			ls.policies[fmt.Sprintf("g%d", j)] = b.String()
		}
		// Paths instantiated from the patterns hit several of them at once.
		for range 4 {
			p := patterns[rng.IntN(len(patterns))]
			p = strings.ReplaceAll(p, "+", segs[rng.IntN(len(segs))])
			if strings.HasSuffix(p, "*") {
				p = strings.TrimSuffix(p, "*") + []string{"", "x", "/db", "pp/config"}[rng.IntN(4)]
			}
			ls.paths = append(ls.paths, p)
		}
		for range 4 {
			k := 1 + rng.IntN(5)
			parts := make([]string, k)
			for i := range parts {
				parts[i] = segs[rng.IntN(len(segs))]
			}
			p := strings.Join(parts, "/")
			if rng.IntN(5) == 0 {
				p += "/"
			}
			ls.paths = append(ls.paths, p)
		}
		slices.Sort(ls.paths)
		ls.paths = slices.Compact(ls.paths)
		sets = append(sets, ls)
	}
	return sets
}

// TestLiveCapabilities asks a real Vault 1.21 (tools/vaulttest, built by
// `make vault`) for sys/capabilities on every (policy set, path) pair and
// compares with the evaluator. It skips when the binary is missing.
func TestLiveCapabilities(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a Vault server")
	}
	s := vaulttest.Start(t)
	root := s.Root(t)
	compared, granted := 0, 0
	for _, ls := range liveSets() {
		t.Run(ls.name, func(t *testing.T) {
			var names []string
			var ps []*model.Policy
			for _, name := range sortedKeys(ls.policies) {
				unique := s.Unique(name)
				s.WritePolicy(t, unique, ls.policies[name])
				names = append(names, unique)
				ps = append(ps, parsePolicy(t, unique, ls.policies[name]))
			}
			token := s.Token(t, names...)
			sec, err := root.Logical().WriteWithContext(context.Background(), "sys/capabilities", map[string]any{"token": token, "paths": ls.paths})
			if err != nil {
				t.Fatalf("sys/capabilities: %v", err)
			}
			e := acl.New(ps, acl.Options{})
			for _, path := range ls.paths {
				raw, ok := sec.Data[path].([]any)
				if !ok {
					t.Errorf("%s: no capabilities in Vault's answer %v", path, sec.Data)
					continue
				}
				var want []string
				for _, c := range raw {
					want = append(want, fmt.Sprint(c))
				}
				got := e.Capabilities(path)
				sort.Strings(want)
				got = slices.Sorted(slices.Values(got))
				if !slices.Equal(got, want) {
					t.Errorf("%s: evaluator %v, Vault %v\npolicies:\n%s", path, got, want, dump(ls.policies))
				}
				compared++
				if !slices.Equal(want, []string{"deny"}) {
					granted++
				}
			}
		})
	}
	t.Logf("compared %d (policy set, path) pairs with Vault %s, %d of them granting something", compared, s.Version, granted)
	if compared < 50 {
		t.Errorf("only %d comparisons; want at least 50", compared)
	}
}

func dump(m map[string]string) string {
	var b strings.Builder
	for _, k := range sortedKeys(m) {
		fmt.Fprintf(&b, "# %s\n%s\n", k, m[k])
	}
	return b.String()
}
