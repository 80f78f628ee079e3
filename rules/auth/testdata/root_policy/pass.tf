resource "vault_token_auth_backend_role" "admin" {
  role_name        = "admin"
  allowed_policies = ["admin"]
  token_ttl        = 3600
  token_max_ttl    = 14400
}
