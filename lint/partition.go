package lint

import (
	"context"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/vaultguard/vaultguard/lint/engine"
	"github.com/vaultguard/vaultguard/lint/model"
)

// minPoliciesToSplit is where evaluating in parallel starts to pay.
const minPoliciesToSplit = 64

// holderAttrs name the attributes through which roles, users, groups and
// tokens attach policies (rules/lib/acl.rego reads the same ones).
var holderAttrs = []string{"token_policies", "policies", "allowed_policies"}

// evalParallel evaluates the rules over parts of the input on every CPU.
// Policy-set rules compare only policies a token can hold together, so the
// policies are split along that relation: each part gets whole groups of
// co-held policies, plus every default policy (held by every token) and
// every non-policy object (which also say what is held together). Rules
// on the shared content fire in every part; dedup drops the copies.
func evalParallel(ctx context.Context, e *engine.Engine, in *model.Input) ([]engine.Result, error) {
	n := runtime.GOMAXPROCS(0)
	if n < 2 || len(in.Policies) < minPoliciesToSplit {
		return e.Eval(ctx, in)
	}
	parts := partition(in, n)
	results := make([][]engine.Result, len(parts))
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for i, part := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = e.Eval(ctx, part)
		}()
	}
	wg.Wait()
	var out []engine.Result
	for i := range parts {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out = append(out, results[i]...)
	}
	return out, nil
}

// partition splits the policies into at most n parts of whole co-held
// groups, balanced by number of path blocks.
func partition(in *model.Input, n int) []*model.Input {
	parent := make([]int, len(in.Policies))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	byName := map[string][]int{}
	var defaults []*model.Policy
	for i, p := range in.Policies {
		byName[p.Name] = append(byName[p.Name], i)
	}
	union := func(names []string) {
		first := -1
		for _, name := range names {
			for _, i := range byName[strings.TrimSpace(name)] {
				if first < 0 {
					first = i
					continue
				}
				parent[find(i)] = find(first)
			}
		}
	}
	for _, idx := range byName {
		union([]string{in.Policies[idx[0]].Name})
	}
	for _, o := range in.Objects {
		for _, attr := range holderAttrs {
			if a := o.Attrs[attr]; a != nil && a.Known {
				if names, ok := model.Strings(a.Value); ok {
					union(names)
				}
			}
		}
	}
	groups := map[int][]*model.Policy{}
	weight := map[int]int{}
	for i, p := range in.Policies {
		if p.Name == "default" {
			defaults = append(defaults, p)
			continue
		}
		r := find(i)
		groups[r] = append(groups[r], p)
		weight[r] += len(p.Paths) + 1
	}
	roots := make([]int, 0, len(groups))
	for r := range groups {
		roots = append(roots, r)
	}
	// Heaviest groups first, each into the lightest part: a simple,
	// deterministic balance.
	sort.Slice(roots, func(a, b int) bool {
		if weight[roots[a]] != weight[roots[b]] {
			return weight[roots[a]] > weight[roots[b]]
		}
		return roots[a] < roots[b]
	})
	parts := make([]*model.Input, n)
	load := make([]int, n)
	for i := range parts {
		parts[i] = &model.Input{Objects: in.Objects, Policies: append([]*model.Policy{}, defaults...)}
	}
	for _, r := range roots {
		k := 0
		for j := range load {
			if load[j] < load[k] {
				k = j
			}
		}
		parts[k].Policies = append(parts[k].Policies, groups[r]...)
		load[k] += weight[r]
	}
	return parts
}
