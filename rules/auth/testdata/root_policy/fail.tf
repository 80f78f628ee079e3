resource "vault_token_auth_backend_role" "admin" {
  role_name              = "admin"
  allowed_policies       = ["admin", "root"] # want: VG-AUTH-006
  token_ttl              = 3600
  token_max_ttl          = 14400
}
