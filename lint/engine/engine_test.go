package engine

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/syntax"
)

func libFS(*testing.T) fstest.MapFS {
	return fstest.MapFS{"lib/lib.rego": {Data: []byte("package vaultguard.lib\n\nis_glob(p) if endswith(p, \"*\")\n")}}
}

func ruleFS() fstest.MapFS {
	return fstest.MapFS{
		"a/helper.rego": {Data: []byte(`# METADATA
# title: Helper rule
# custom:
#   id: VG-T-001
#   severity: low
#   kinds: [policy]
package vaultguard.rules.t.helper

import data.vaultguard.lib

bad(p) if lib.is_glob(p.path)

deny contains {"msg": "helper", "_loc": p._loc} if {
	some pol in input.policy
	some p in pol.paths
	bad(p)
}
`)},
		"a/user.rego": {Data: []byte(`# METADATA
# title: User rule reusing the helper
# custom:
#   id: VG-T-002
#   severity: low
#   kinds: [policy]
package vaultguard.rules.t.user

import data.vaultguard.rules.t.helper

deny contains {"msg": "user", "_loc": p._loc} if {
	some pol in input.policy
	some p in pol.paths
	helper.bad(p)
}
`)},
		"a/other.rego": {Data: []byte(`# METADATA
# title: Unrelated rule
# custom:
#   id: VG-T-003
#   severity: low
#   kinds: [policy]
package vaultguard.rules.t.other

deny contains {"msg": "other", "_loc": p._loc} if {
	some pol in input.policy
	some p in pol.paths
}
`)},
	}
}

// TestDisabledHelperRuleStillCompiles: only enabled rules are compiled,
// but a rule package an enabled rule refers to comes along, so disabling
// a rule never breaks one that reuses its helpers; its own findings stay
// off.
func TestDisabledHelperRuleStillCompiles(t *testing.T) {
	ctx := context.Background()
	mods, err := LoadModules([]Source{{FS: libFS(t), Root: "."}, {FS: ruleFS(), Root: "a", Custom: true, Label: "a"}})
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(ctx, mods, map[string]any{}, func(r *Rule) bool { return r.ID == "VG-T-002" })
	if err != nil {
		t.Fatalf("the user rule does not compile without its helper's package enabled: %v", err)
	}
	rng := syntax.Range{File: "p.hcl", Start: syntax.Pos{Line: 1, Column: 1}, End: syntax.Pos{Line: 1, Column: 10}}
	in := &model.Input{Policies: []*model.Policy{{Name: "p", Range: rng, Paths: []*model.PathRule{{Pattern: "secret/*", Range: rng, Capabilities: []string{"read"}}}}}}
	got, err := e.Eval(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Rule.ID != "VG-T-002" {
		t.Fatalf("want one VG-T-002 finding, got %+v", got)
	}
	if n := len(neededModules(mods, map[string]bool{"vaultguard.rules.t.user": true})); n != 3 {
		t.Fatalf("compiled %d modules, want lib, user and helper: 3", n)
	}
}
