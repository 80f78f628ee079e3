package terraform_test

import (
	"testing"

	"github.com/vaultguard/vaultguard/lint/source/terraform"
)

// FuzzRead feeds arbitrary text to the Terraform adapter: it must never
// panic, and everything it reports must point into the file.
func FuzzRead(f *testing.F) {
	f.Add(`resource "vault_approle_auth_backend_role" "a" {
  role_name = "a"
  token_ttl = var.ttl
  secret_id_num_uses = 0
}`)
	f.Add("resource \"vault_policy\" \"p\" {\n  name = \"p\"\n  policy = <<-EOT\n    path \"secret/*\" {\n      capabilities = [\"read\"]\n    }\n  EOT\n}\n")
	f.Add("resource \"vault_policy\" \"p\" {\n  policy = \"path \\\"a\\\" { capabilities = [\\\"read\\\"] }\"\n}\n")
	f.Add("data \"vault_policy_document\" \"d\" {\n  rule {\n    path = \"a/*\"\n    capabilities = [\"read\"]\n    allowed_parameter {\n      key = \"k\"\n      value = [\"v\"]\n    }\n  }\n}\n")
	f.Add("resource \"vault_audit\" \"f\" {\n  type = \"file\"\n  options = { log_raw = true }\n}\nresource \"vault_auth_backend\" \"u\" {\n  tune = [{ max_lease_ttl = \"1h\" }]\n}\n")
	f.Add("provider \"vault\" {\n  address = \"http://x\"\n  skip_tls_verify = true\n}\n")
	f.Add("resource \"vault_generic_endpoint\" \"u\" {\n  path = \"auth/userpass/users/a\"\n  data_json = <<EOT\n{\"password\": \"${var.p}\", \"token_ttl\": ${var.t}, \"n\": \"a \\\"q\\\" ${var.x}\", \"l\": [\"${var.y}\"]}\nEOT\n}\n")
	f.Add("resource \"vault_auth_backend\" \"a\" {\n  type = \"approle\"\n  path = \"ci\"\n}\nresource \"vault_generic_endpoint\" \"r\" {\n  path = \"auth/ci/role/x\"\n  data_json = jsonencode({ token_ttl = \"1h\", options = { a = 1 } })\n}\nresource \"vault_generic_endpoint\" \"s\" {\n  path = \"sys/audit/f\"\n  data_json = \"{\\\"type\\\": \\\"file\\\", \\\"options\\\": {\\\"log_raw\\\": true}}\"\n}\n")
	f.Fuzz(func(t *testing.T, src string) {
		const name = "main.tf"
		in, errs := terraform.New().Read(name, []byte(src))
		for _, e := range errs {
			if e.Range.Start.Line < 1 {
				t.Fatalf("error without a position: %+v", e)
			}
		}
		if in == nil {
			return
		}
		for _, o := range in.Objects {
			if o.Range.File != name {
				t.Fatalf("%s object outside the file: %+v", o.Kind, o.Range)
			}
		}
		for _, p := range in.Policies {
			for _, pr := range p.Paths {
				if pr.Range.File != name || pr.Range.Start.Line < 1 {
					t.Fatalf("policy path outside the file: %+v", pr.Range)
				}
			}
		}
		_ = in.Value()
	})
}
