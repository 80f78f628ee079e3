package terraform_test

import (
	"testing"

	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/source/terraform"
)

// TestGenericEndpoint: vault_generic_endpoint writes are read as the
// objects their paths configure, under the mounts the file enables, with
// each value at its own position when data_json is jsonencode.
func TestGenericEndpoint(t *testing.T) {
	src := `resource "vault_auth_backend" "ci" {
  type = "approle"
  path = "ci"
}

resource "vault_mount" "pg" {
  path = "pg"
  type = "database"
}

resource "vault_generic_endpoint" "deploy" {
  path = "auth/ci/role/deploy"
  data_json = jsonencode({
    token_ttl          = "768h"
    secret_id_num_uses = 0
    token_policies     = "a,b"
  })
}

resource "vault_generic_endpoint" "web" {
  path      = "auth/k8s-prod/role/web"
  data_json = "{\"bound_service_account_names\": [\"web\"], \"token_ttl\": 3600}"
}

resource "vault_generic_endpoint" "ro" {
  path      = "pg/roles/readonly"
  data_json = jsonencode({ db_name = "app", default_ttl = "1h", max_ttl = "24h" })
}

resource "vault_generic_endpoint" "audit" {
  path      = "sys/audit/file"
  data_json = jsonencode({ type = "file", options = { file_path = "/var/log/vault/audit.log", log_raw = true } })
}

resource "vault_generic_endpoint" "admin" {
  path      = "auth/userpass/users/admin"
  data_json = <<EOF
{
  "password": "${var.admin_password}",
  "token_policies": ["admin", "${var.extra}"],
  "token_ttl": "2h",
  "token_max_ttl": ${var.max_ttl},
  "note": "a \"quoted\" ${var.x} value",
  "${var.key}": "1h"
}
EOF
}

resource "vault_generic_endpoint" "unknown" {
  path      = "auth/approle/role/x"
  data_json = var.role
}

resource "vault_generic_endpoint" "dynamic" {
  path      = "auth/approle/role/${var.name}"
  data_json = jsonencode({ token_ttl = "1h" })
}
`
	in, errs := terraform.New().Read("main.tf", []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	byName := map[string]*model.Object{}
	for _, o := range in.Objects {
		if o.Meta["resource"] != nil && o.Kind != model.KindMount {
			byName[o.Meta["resource"].(string)] = o
		}
	}
	deploy := byName["vault_generic_endpoint.deploy"]
	if deploy == nil || deploy.Kind != model.KindApproleRole || deploy.Name != "deploy" || deploy.Meta["mount"] != "ci" {
		t.Fatalf("a role under the AppRole mount named ci: %+v", deploy)
	}
	if a := deploy.Attrs["token_ttl"]; a == nil || a.Value != "768h" || a.Range.Start.Line != 14 || a.Range.Start.Column != 26 {
		t.Errorf("token_ttl: %+v", a)
	}
	if a := deploy.Attrs["secret_id_num_uses"]; a == nil || a.Value != int64(0) {
		t.Errorf("secret_id_num_uses: %+v", a)
	}
	if a := deploy.Attrs["token_policies"]; a == nil {
		t.Error("token_policies missing")
	} else if l, ok := model.Strings(a.Value); !ok || len(l) != 2 {
		t.Errorf("token_policies %v: a comma list, as Vault reads it", a.Value)
	}
	web := byName["vault_generic_endpoint.web"]
	if web == nil || web.Kind != model.KindAuthRole || web.Meta["method"] != "kubernetes" {
		t.Fatalf("a role under k8s-prod: %+v", web)
	}
	if a := web.Attrs["token_ttl"]; a == nil || a.Value != int64(3600) || a.Range.Start.Line != 22 {
		t.Errorf("a JSON string's values sit at data_json: %+v", a)
	}
	if ro := byName["vault_generic_endpoint.ro"]; ro == nil || ro.Kind != model.KindDatabaseRole || ro.Meta["mount"] != "pg" {
		t.Errorf("a role under the database mount pg: %+v", ro)
	}
	audit := byName["vault_generic_endpoint.audit"]
	if audit == nil || audit.Kind != model.KindAuditDevice || audit.Attrs["log_raw"] == nil || audit.Attrs["log_raw"].Value != true || audit.Attrs["options"] != nil {
		t.Errorf("an audit device with its options flattened: %+v", audit)
	}
	admin := byName["vault_generic_endpoint.admin"]
	if admin == nil || admin.Kind != model.KindAuthRole || admin.Meta["method"] != "userpass" {
		t.Fatalf("a userpass user from a JSON template: %+v", admin)
	}
	if a := admin.Attrs["token_ttl"]; a == nil || !a.Known || a.Value != "2h" {
		t.Errorf("a literal value of the template: %+v", a)
	}
	for key, text := range map[string]string{"password": "${var.admin_password}", "token_policies": "${var.extra}", "token_max_ttl": "${var.max_ttl}", "note": "${var.x}"} {
		if a := admin.Attrs[key]; a == nil || a.Known || a.Text != text {
			t.Errorf("%s depends on a variable: %+v, want unknown %q", key, a, text)
		}
	}
	if len(admin.Attrs) != 5 {
		t.Errorf("a key from a variable became an attribute: %v", model.SortedKeys(admin.Attrs))
	}
	for _, skipped := range []string{"vault_generic_endpoint.unknown", "vault_generic_endpoint.dynamic"} {
		if o := byName[skipped]; o != nil {
			t.Errorf("%s: data or path unknown before apply, yet read as %+v", skipped, o)
		}
	}
}
