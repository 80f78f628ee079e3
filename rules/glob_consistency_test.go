package rules_test

import (
	"context"
	"io/fs"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/rules"
)

// TestGlobFlagMatchesLib: rules read a path's `glob` flag, computed in Go
// when the input is encoded, where they once called lib.is_glob on the
// pattern; the two must agree on every pattern shape.
func TestGlobFlagMatchesLib(t *testing.T) {
	src, err := fs.ReadFile(rules.FS, "lib/vaultguard.rego")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	q, err := rego.New(rego.Query("data.vaultguard.lib.is_glob(input)"), rego.Module("vaultguard.rego", string(src))).PrepareForEval(ctx)
	if err != nil {
		t.Fatal(err)
	}
	globs := 0
	for _, p := range []string{
		"", "*", "+", "+/", "/+", "a", "a/", "a/*", "a*", "a/+", "a/+/b", "a/+b", "a/b+", "a+/b", "+a/b",
		"sys/policies/acl/*", "secret/data/+/x/*", "a/*/b", "a/**", "a//+", "a/+/", "++", "a/b/c", "*/a", "a/*b",
	} {
		rs, err := q.Eval(ctx, rego.EvalInput(p))
		if err != nil {
			t.Fatal(err)
		}
		rego := len(rs) > 0 && rs[0].Expressions[0].Value == true
		if got := model.IsGlob(p); got != rego {
			t.Errorf("%q: model.IsGlob = %v, lib.is_glob = %v", p, got, rego)
		}
		if rego {
			globs++
		}
	}
	if globs < 10 {
		t.Fatalf("only %d globs among the cases: the test lost its teeth", globs)
	}
}
