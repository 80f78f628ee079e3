resource "vault_token_auth_backend_role" "nomad_cluster" {
  role_name              = "nomad_cluster"
  allowed_policies       = ["nomad_yarr"]
  token_period           = 3600
  token_explicit_max_ttl = 86400
  renewable              = true
}
