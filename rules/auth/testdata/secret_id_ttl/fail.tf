resource "vault_approle_auth_backend_role" "ci" { # want: VG-AUTH-002
  role_name          = "ci"
  token_policies     = ["ci"]
  token_ttl          = 1200
  token_max_ttl      = 3600
  secret_id_num_uses = 1
}

resource "vault_approle_auth_backend_role" "weekly" {
  role_name          = "weekly"
  token_policies     = ["weekly"]
  token_ttl          = 1200
  token_max_ttl      = 3600
  secret_id_num_uses = 1
  secret_id_ttl      = 604800 # want: VG-AUTH-002
}
