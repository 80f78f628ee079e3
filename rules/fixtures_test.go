package rules_test

import (
	"context"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/vaultguard/vaultguard/lint"
	"github.com/vaultguard/vaultguard/lint/linttest"
)

// TestFixtures lints every fixture case under <category>/testdata/<slug>/
// and compares the findings with the `# want:` expectations in the files,
// both ways; it also insists that every rule has a case that fires it and
// a case that stays silent.
func TestFixtures(t *testing.T) {
	ctx := context.Background()
	linter, err := lint.New(ctx, lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cases, err := linttest.Cases(".")
	if err != nil {
		t.Fatal(err)
	}
	fired := map[string]bool{}
	passes := map[string]bool{}
	keys := make([]string, 0, len(cases))
	for k := range cases {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		for _, c := range cases[key] {
			t.Run(c.Name, func(t *testing.T) {
				res, err := linter.Run(ctx, lint.Target{Paths: []string{c.OSPath}})
				if err != nil {
					t.Fatal(err)
				}
				wants, err := linttest.WantsUnder(c, func(p string) string { return filepath.ToSlash(filepath.Clean(p)) })
				if err != nil {
					t.Fatal(err)
				}
				if c.Pass && len(wants) > 0 {
					t.Fatalf("a pass case must not carry want: expectations (%d found)", len(wants))
				}
				if !c.Pass && len(wants) == 0 {
					t.Fatalf("a fail case must carry at least one want: expectation")
				}
				if m := linttest.Compare(res.Report.Findings, wants); !m.OK() {
					t.Errorf("findings differ from the want: comments:\n%s", m)
				}
				for _, w := range wants {
					fired[key+"|"+w.Rule] = true
				}
				if c.Pass {
					passes[key] = true
				}
			})
		}
	}
	for _, r := range linter.Rules() {
		_, file, _ := linter.Rule(r.ID)
		if file == "" {
			continue // built into Go (parse errors, ignores): tested in package lint
		}
		key := strings.TrimSuffix(file, ".rego")
		if !fired[key+"|"+r.ID] {
			t.Errorf("rule %s (%s) has no fail fixture under %s that expects it", r.ID, file, filepath.Join(filepath.Dir(file), "testdata", filepath.Base(key)))
		}
		if !passes[key] {
			t.Errorf("rule %s (%s) has no pass fixture", r.ID, file)
		}
	}
}
