resource "vault_approle_auth_backend_role" "docker" {
  role_name          = "docker"
  bind_secret_id     = true
  secret_id_num_uses = 1
  secret_id_ttl      = 300
  token_policies     = ["docker"]
  token_ttl          = 900
  token_max_ttl      = 3600
}
