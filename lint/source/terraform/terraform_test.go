package terraform_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/vaultguard/vaultguard/lint"
	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/source/terraform"
	"github.com/vaultguard/vaultguard/report"
)

func lintFiles(t *testing.T, files map[string]string) []report.Finding {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	l, err := lint.New(ctx, lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := l.Run(ctx, lint.Target{Paths: []string{dir}, BaseDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	return res.Report.Findings
}

type at struct {
	rule         string
	line, column int
}

func positions(fs []report.Finding) []at {
	var out []at
	for _, f := range fs {
		out = append(out, at{f.RuleID, f.Range.Start.Line, f.Range.Start.Column})
	}
	return out
}

func TestHeredocPolicyReportsAtTheTfLine(t *testing.T) {
	src := `resource "vault_policy" "app" {
  name = "app"

  policy = <<-EOT
    # read the app's secrets
    path "secret/*" {
      capabilities = ["read"]
    }
  EOT
}

resource "vault_policy" "plain" {
  name   = "plain"
  policy = <<EOT
path "secret/data/plain/*" {
  capabilities = ["read"]
}
EOT
}
`
	got := positions(lintFiles(t, map[string]string{"main.tf": src}))
	want := []at{{"VG-POL-001", 6, 5}, {"VG-POL-001", 15, 1}}
	if !slices.Equal(got, want) {
		t.Errorf("findings = %v, want %v", got, want)
	}
}

func TestExpressionIsNotGuessed(t *testing.T) {
	src := `variable "ttl" {
  type = number
}

resource "vault_approle_auth_backend_role" "payments" {
  role_name          = "payments-api"
  token_policies     = ["payments-api"]
  token_ttl          = var.ttl
  token_max_ttl      = local.max_ttl
  secret_id_ttl      = "${var.hours}h"
  secret_id_num_uses = 1
}
`
	if got := lintFiles(t, map[string]string{"main.tf": src}); len(got) != 0 {
		t.Errorf("findings = %v, want none: expressions are not statically known", positions(got))
	}
}

func TestKinds(t *testing.T) {
	src := []byte(`provider "vault" {
  address = "https://vault:8200"
}
resource "vault_approle_auth_backend_role" "a" {
  backend   = "ci-approle"
  role_name = "a"
  token_ttl = var.ttl
}
resource "vault_kubernetes_auth_backend_role" "k" { role_name = "k" }
resource "vault_jwt_auth_backend_role" "o" {
  role_name = "o"
  role_type = "oidc"
}
resource "vault_gcp_auth_backend_role" "g" { role = "g" }
resource "vault_token_auth_backend_role" "t" { role_name = "t" }
resource "vault_database_secret_backend_connection" "c" {
  name = "c"
  postgresql { connection_url = "postgres://x" }
}
resource "vault_database_secret_backend_role" "r" { name = "r" }
resource "vault_database_secrets_mount" "m" {
  path = "db"
  mysql { name = "my" }
}
resource "vault_audit" "f" {
  type    = "file"
  options = { log_raw = "true" }
}
resource "vault_mount" "kv" { path = "kv" }
resource "vault_auth_backend" "u" {
  type = "userpass"
  tune { max_lease_ttl = "1h" }
}
resource "vault_aws_secret_backend" "aws" {}
resource "vault_transit_secret_backend_key" "tk" { name = "tk" }
resource "vault_token" "tok" { policies = ["root"] }
resource "vault_policy" "p" {
  name   = "p"
  policy = file("p.hcl")
}
data "vault_policy_document" "d" {
  rule {
    path         = "secret/*"
    capabilities = ["read", "deny"]
  }
}
`)
	in, errs := terraform.New().Read("m/main.tf", src)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var kinds []string
	for _, o := range in.Objects {
		kinds = append(kinds, o.Kind)
	}
	want := []string{"provider", "approle_role", "auth_role", "auth_role", "auth_role", "token_role", "database_connection", "database_role", "mount", "database_connection", "audit_device", "mount", "mount", "mount", "transit_key", "token"}
	if !slices.Equal(kinds, want) {
		t.Errorf("kinds = %v\nwant    %v", kinds, want)
	}
	approle := in.Objects[1]
	if approle.Meta["mount"] != "ci-approle" || approle.Attrs["token_ttl"].Known || approle.Attrs["token_ttl"].Text != "var.ttl" {
		t.Errorf("approle = %+v %+v", approle.Meta, approle.Attrs["token_ttl"])
	}
	if m := in.Objects[3].Meta["method"]; m != "oidc" {
		t.Errorf("jwt role with role_type oidc: method %v", m)
	}
	if a := in.Objects[10].Attrs["log_raw"]; a == nil || a.Value != "true" {
		t.Errorf("audit options not flattened: %+v", in.Objects[10].Attrs)
	}
	if a := in.Objects[12].Attrs["max_lease_ttl"]; a == nil || a.Value != "1h" {
		t.Errorf("tune block not flattened: %+v", in.Objects[12].Attrs)
	}
	if len(in.Policies) != 1 || !slices.Equal(in.Policies[0].Paths[0].Capabilities, []string{"deny"}) {
		t.Errorf("policy document: %+v", in.Policies)
	}
	for _, o := range in.Objects {
		if o.Meta["origin"] != "terraform" || o.Meta["dir"] != "m" {
			t.Errorf("%s: meta %v", o.Kind, o.Meta)
		}
	}
	_ = model.KindProvider
}

func TestSyntaxError(t *testing.T) {
	_, errs := terraform.New().Read("bad.tf", []byte("resource \"vault_mount\" \"x\" {\n  path = \n}\n"))
	if len(errs) != 1 || errs[0].Range.Start.Line < 2 {
		t.Fatalf("errors = %v, want one positioned error", errs)
	}
}
