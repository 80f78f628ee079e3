variable "ttl" {
  type = number
}

resource "vault_kubernetes_auth_backend_role" "web" {
  role_name                        = "web"
  bound_service_account_names      = ["web"]
  bound_service_account_namespaces = ["prod"]
  token_policies                   = ["web"]
  token_ttl                        = var.ttl
  token_max_ttl                    = 86400
}
