# Roles written through vault_generic_endpoint are read like the
# dedicated resources: data_json as jsonencode or as a JSON string.
resource "vault_generic_endpoint" "deploy" {
  path                 = "auth/approle/role/deploy"
  ignore_absent_fields = true
  data_json = jsonencode({
    token_policies     = ["deploy"]
    token_ttl          = "1h"
    token_max_ttl      = "4h"
    secret_id_ttl      = "24h"
    secret_id_num_uses = 0 # want: VG-AUTH-001
  })
}

resource "vault_generic_endpoint" "batch" { # want: VG-AUTH-001
  path      = "auth/approle/role/batch"
  data_json = <<-EOT
    {"token_policies": ["batch"], "token_ttl": "30m", "token_max_ttl": "2h", "secret_id_ttl": "10m"}
  EOT
}
