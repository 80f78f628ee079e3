package rules_test

import (
	"context"
	"path/filepath"
	"slices"
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
	results, err := linttest.RunFixtures(ctx, linter, ".")
	if err != nil {
		t.Fatal(err)
	}
	fired := map[string]bool{}
	passes := map[string]bool{}
	for _, cr := range results {
		key := strings.TrimSuffix(cr.Case.Name[:strings.LastIndex(cr.Case.Name, "/")], "/")
		t.Run(cr.Case.Name, func(t *testing.T) {
			if cr.Err != nil {
				t.Fatal(cr.Err)
			}
			if !cr.Mismatch.OK() {
				t.Errorf("findings differ from the want: comments:\n%s", cr.Mismatch)
			}
		})
		for _, w := range cr.Wants {
			fired[key+"|"+w.Rule] = true
		}
		if cr.Case.Pass {
			passes[key] = true
		}
	}
	for _, r := range linter.Rules() {
		_, file, _ := linter.Rule(r.ID)
		if file == "" {
			continue // built into Go (parse errors, ignores): tested in package lint
		}
		if slices.Equal(r.Kinds, []string{"cluster"}) {
			continue // only a live Vault has a cluster object: tested against a real server in lint/source/live
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
