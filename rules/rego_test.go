package rules_test

import (
	"context"
	"testing"

	"github.com/vaultguard/vaultguard/lint/engine"
	"github.com/vaultguard/vaultguard/lint/linttest"
	"github.com/vaultguard/vaultguard/rules"
)

// TestRego runs every rule's Rego unit tests (the *_test.rego files).
func TestRego(t *testing.T) {
	mods, err := engine.LoadModules([]engine.Source{{FS: rules.FS, Root: ".", Tests: true}})
	if err != nil {
		t.Fatal(err)
	}
	results, err := linttest.RunRegoTests(context.Background(), mods)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) == 0 {
		t.Fatal("no Rego tests ran")
	}
	for _, r := range results {
		if r.Err != nil {
			t.Errorf("%s: error: %v", r.Name, r.Err)
		} else if r.Fail {
			t.Errorf("%s (%s): failed", r.Name, r.Location)
		}
	}
	t.Logf("%d Rego tests", len(results))
}
