resource "vault_token_auth_backend_role" "nomad_cluster" {
  role_name        = "nomad_cluster"
  allowed_policies = ["nomad_yarr"]
  token_period     = 259200 # want: VG-AUTH-005
  renewable        = true
}
