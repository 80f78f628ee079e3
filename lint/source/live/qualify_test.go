package live

import (
	"testing"

	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/syntax"
)

// TestQualifyNamesTheNamespace: with VAULT_NAMESPACE set, every location
// (objects, nested blocks, attributes, policies, path blocks, meta file
// lists, policy sources and problems) names the namespace. Vault's open
// source server has no namespaces, so this is tested on a read result.
func TestQualifyNamesTheNamespace(t *testing.T) {
	at := func(p string) model.Range { return model.Range{File: Scheme + p} }
	role := &model.Object{Kind: model.KindApproleRole, Name: "web", Range: at("auth/approle/role/web"),
		Attrs:  map[string]*model.Attr{"token_ttl": {Value: "1h", Known: true, Range: at("auth/approle/role/web#token_ttl")}},
		Blocks: map[string][]*model.Object{"listener": {{Kind: "listener", Range: at("sys/config/state/sanitized.listener"), Attrs: map[string]*model.Attr{}}}},
		Meta:   map[string]any{"origin": Origin, "main_file": Scheme + "sys/config/state/sanitized", "files": []any{Scheme + "sys/config/state/sanitized"}}}
	pol := &model.Policy{Name: "app", Range: at("sys/policies/acl/app"), Paths: []*model.PathRule{{Pattern: "secret/*", Range: model.Range{File: Scheme + "sys/policies/acl/app", Start: syntax.Pos{Line: 2, Column: 1}},
		Attrs: map[string]*model.Attr{"capabilities": {Range: at("sys/policies/acl/app")}}}}}
	res := &Result{
		Input:    &model.Input{Objects: []*model.Object{role}, Policies: []*model.Policy{pol}},
		Sources:  map[string][]byte{Scheme + "sys/policies/acl/app": []byte(`path "secret/*" {}`)},
		Problems: []Problem{{Path: "sys/audit", Denied: true}},
	}
	qualify(res, "team-a")
	for got, want := range map[string]string{
		role.Range.File:                               "vault://team-a/auth/approle/role/web",
		role.Attrs["token_ttl"].Range.File:            "vault://team-a/auth/approle/role/web#token_ttl",
		role.Blocks["listener"][0].Range.File:         "vault://team-a/sys/config/state/sanitized.listener",
		role.Meta["main_file"].(string):               "vault://team-a/sys/config/state/sanitized",
		role.Meta["files"].([]any)[0].(string):        "vault://team-a/sys/config/state/sanitized",
		role.Meta["origin"].(string):                  Origin,
		role.Name:                                     "web",
		pol.Range.File:                                "vault://team-a/sys/policies/acl/app",
		pol.Paths[0].Range.File:                       "vault://team-a/sys/policies/acl/app",
		pol.Paths[0].Attrs["capabilities"].Range.File: "vault://team-a/sys/policies/acl/app",
		res.Problems[0].Location():                    "vault://team-a/sys/audit",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
	if res.Sources["vault://team-a/sys/policies/acl/app"] == nil || len(res.Sources) != 1 {
		t.Errorf("sources not renamed: %v", res.Sources)
	}
	if pol.Paths[0].Range.Start.Line != 2 {
		t.Error("a position inside the policy text was lost")
	}
}
