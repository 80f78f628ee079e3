resource "vault_kubernetes_auth_backend_role" "web" {
  role_name                        = "web"
  bound_service_account_names      = ["web"]
  bound_service_account_namespaces = ["prod"]
  token_policies                   = ["web"]
  token_ttl                        = 7200 # want: VG-AUTH-004
  token_max_ttl                    = 86400
}

resource "vault_jwt_auth_backend_role" "ci" { # want: VG-AUTH-004
  role_name      = "ci"
  role_type      = "jwt"
  user_claim     = "sub"
  bound_claims   = { project_id = "42" }
  token_policies = ["ci"]
  token_ttl      = 600
}
