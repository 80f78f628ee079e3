package acl_test

import (
	"testing"

	"github.com/vaultguard/vaultguard/lint/acl"
	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/syntax"
)

func holder(kind, name, file string, line int, attrs map[string]any) *model.Object {
	o := &model.Object{Kind: kind, Name: name, Attrs: map[string]*model.Attr{}, Range: syntax.Range{File: file, Start: syntax.Pos{Line: line, Column: 1}}}
	for k, v := range attrs {
		o.Attrs[k] = &model.Attr{Value: v, Known: true}
	}
	return o
}

func TestWhoCan(t *testing.T) {
	in := &model.Input{
		Policies: []*model.Policy{
			parsePolicy(t, "payments-api", `path "secret/data/payments/stripe" { capabilities = ["read"] }`),
			parsePolicy(t, "orders-worker", `path "secret/*" { capabilities = ["read", "update"] }`),
			parsePolicy(t, "lockdown", `path "secret/data/payments/*" { capabilities = ["deny"] }`),
			parsePolicy(t, "unrelated", `path "transit/encrypt/x" { capabilities = ["update"] }`),
		},
		Objects: []*model.Object{
			holder("approle_role", "payments-api", "main.tf", 10, map[string]any{"token_policies": []any{"payments-api"}}),
			holder("approle_role", "orders-worker", "main.tf", 20, map[string]any{"token_policies": "orders-worker, lockdown"}),
			holder("identity_group", "ops", "main.tf", 30, map[string]any{"policies": []any{"orders-worker", "missing"}, "token_no_default_policy": true}),
			holder("mount", "secret", "main.tf", 1, map[string]any{"type": "kv-v2"}),
		},
	}
	res, err := acl.WhoCan(in, "secret/payments/stripe", "read", acl.WhoCanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Path != "secret/data/payments/stripe" || res.InferredKVv2 != "" {
		t.Fatalf("path %q inferred %q: want the mount object to rewrite it", res.Path, res.InferredKVv2)
	}
	got := map[string][]acl.HolderGrant{}
	for _, g := range res.Grants {
		got[g.Policy.Name] = g.Holders
	}
	if len(got) != 2 || got["payments-api"] == nil || got["orders-worker"] == nil {
		t.Fatalf("grants: %v", got)
	}
	if h := got["payments-api"]; len(h) != 1 || h[0].Name != "payments-api" || !h[0].Effective || h[0].Range.Start.Line != 10 {
		t.Errorf("payments-api holders: %+v", h)
	}
	hs := got["orders-worker"]
	if len(hs) != 2 {
		t.Fatalf("orders-worker holders: %+v", hs)
	}
	for _, h := range hs {
		switch h.Name {
		case "orders-worker":
			if h.Effective {
				t.Errorf("the orders-worker role also holds lockdown, whose deny decides: %+v", h)
			}
		case "ops":
			if !h.Effective || len(h.Missing) != 1 || h.Missing[0] != "missing" {
				t.Errorf("ops: %+v", h)
			}
		default:
			t.Errorf("unexpected holder %+v", h)
		}
	}
}

func TestWhoCanInfersKVv2AndRejectsUnknownOps(t *testing.T) {
	in := &model.Input{Policies: []*model.Policy{parsePolicy(t, "p", `path "kv/data/app/*" { capabilities = ["read"] }`)}}
	res, err := acl.WhoCan(in, "kv/app/db", "read", acl.WhoCanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.InferredKVv2 != "kv/" || res.Path != "kv/data/app/db" || len(res.Grants) != 1 {
		t.Errorf("got %+v", res)
	}
	if _, err := acl.WhoCan(in, "kv/app/db", "fly", acl.WhoCanOptions{}); err == nil {
		t.Error("want an error for an unknown operation")
	}
}

func TestWhoCanTemplated(t *testing.T) {
	in := &model.Input{Policies: []*model.Policy{parsePolicy(t, "self", `path "secret/data/{{identity.entity.id}}/*" { capabilities = ["read"] }
path "secret/data/{{identity.entity.id}}x/*" { capabilities = ["read"] }`)}}
	res, err := acl.WhoCan(in, "secret/data/e-1/db", "read", acl.WhoCanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Grants) != 0 || len(res.Templated) != 1 || res.Templated[0].Rule.Pattern != "secret/data/{{identity.entity.id}}/*" {
		t.Errorf("grants %v templated %v", res.Grants, res.Templated)
	}
}
