resource "vault_approle_auth_backend_role" "payments" {
  role_name          = "payments-api"
  token_policies     = ["payments-api"]
  token_ttl          = 3600
  token_max_ttl      = 14400
  secret_id_ttl      = 86400
  secret_id_num_uses = 0 # want: VG-AUTH-001
}

resource "vault_approle_auth_backend_role" "batch" { # want: VG-AUTH-001
  role_name      = "batch"
  token_policies = ["batch"]
  token_ttl      = 1800
  token_max_ttl  = 7200
  secret_id_ttl  = 600
}
