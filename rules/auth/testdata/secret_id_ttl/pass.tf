resource "vault_approle_auth_backend_role" "ci" {
  role_name          = "ci"
  token_policies     = ["ci"]
  token_ttl          = 1200
  token_max_ttl      = 3600
  secret_id_num_uses = 1
  secret_id_ttl      = "10m"
}
