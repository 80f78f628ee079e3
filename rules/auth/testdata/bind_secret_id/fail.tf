resource "vault_approle_auth_backend_role" "docker" {
  role_name         = "docker"
  bind_secret_id    = false # want: VG-AUTH-003
  token_bound_cidrs = ["172.16.238.0/24"]
  token_policies    = ["docker"]
  token_ttl         = 900
  token_max_ttl     = 3600
}
