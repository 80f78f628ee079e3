resource "vault_generic_endpoint" "deploy" {
  path                 = "auth/approle/role/deploy"
  ignore_absent_fields = true
  data_json = jsonencode({
    token_policies     = ["deploy"]
    token_ttl          = "1h"
    token_max_ttl      = "4h"
    secret_id_ttl      = "24h"
    secret_id_num_uses = 1
  })
}

# Data Terraform only knows at apply time is not guessed at.
resource "vault_generic_endpoint" "from_file" {
  path      = "auth/approle/role/from-file"
  data_json = file("${path.module}/role.json")
}

# Paths the model has no kind for are left alone.
resource "vault_generic_endpoint" "kv" {
  path      = "secret/data/app"
  data_json = jsonencode({ data = { api_key = var.api_key } })
}
