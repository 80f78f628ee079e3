package linttest

import (
	"context"
	"fmt"
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/vaultguard/vaultguard/lint"
	"github.com/vaultguard/vaultguard/lint/engine"
)

// RegoResult is one Rego unit test's outcome.
type RegoResult struct {
	Name     string // package.rule
	Location string // file:line
	Err      error
	Fail     bool
}

// RunRegoTests runs the test_ rules of the modules (rules, libraries and
// their _test.rego files together).
func RunRegoTests(ctx context.Context, mods []*engine.Module) ([]RegoResult, error) {
	modules := map[string]*ast.Module{}
	for _, m := range mods {
		modules[m.Name] = m.Parsed
	}
	ch, err := tester.NewRunner().SetModules(modules).RunTests(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("run rego tests: %w", err)
	}
	var out []RegoResult
	for r := range ch {
		res := RegoResult{Name: r.Package + "." + r.Name, Err: r.Error, Fail: r.Fail}
		if r.Location != nil {
			res.Location = fmt.Sprintf("%s:%d", r.Location.File, r.Location.Row)
		}
		out = append(out, res)
	}
	return out, nil
}

// CaseResult is one fixture case's outcome.
type CaseResult struct {
	Case     Case
	Mismatch Mismatch
	Err      error
	Wants    []Want
}

// RunFixtures lints every fixture case under root/<category>/testdata/<slug>/
// with the linter and compares findings with the cases' expectations.
func RunFixtures(ctx context.Context, l *lint.Linter, root string) ([]CaseResult, error) {
	cases, err := Cases(root)
	if err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(cases))
	for k := range cases {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []CaseResult
	for _, k := range keys {
		for _, c := range cases[k] {
			out = append(out, runCase(ctx, l, c))
		}
	}
	return out, nil
}

func runCase(ctx context.Context, l *lint.Linter, c Case) CaseResult {
	cr := CaseResult{Case: c}
	res, err := l.Run(ctx, lint.Target{Paths: []string{c.OSPath}})
	if err != nil {
		cr.Err = err
		return cr
	}
	wants, err := WantsUnder(c, func(p string) string { return lint.DisplayPath(mustWd(), p) })
	if err != nil {
		cr.Err = err
		return cr
	}
	cr.Wants = wants
	switch {
	case c.Pass && len(wants) > 0:
		cr.Err = fmt.Errorf("a pass case must not carry want: expectations (%d found)", len(wants))
	case !c.Pass && len(wants) == 0:
		cr.Err = fmt.Errorf("a fail case must carry at least one want: expectation")
	}
	cr.Mismatch = Compare(res.Report.Findings, wants)
	return cr
}

// OK reports whether the case passed.
func (cr CaseResult) OK() bool { return cr.Err == nil && cr.Mismatch.OK() }
