variable "uses" {
  type = number
}

resource "vault_approle_auth_backend_role" "payments" {
  role_name          = "payments-api"
  token_policies     = ["payments-api"]
  token_ttl          = 3600
  token_max_ttl      = 14400
  secret_id_ttl      = 86400
  secret_id_num_uses = 1
}

# Not statically known: never guessed.
resource "vault_approle_auth_backend_role" "other" {
  role_name          = "other"
  token_policies     = ["other"]
  token_ttl          = 3600
  token_max_ttl      = 14400
  secret_id_ttl      = 86400
  secret_id_num_uses = var.uses
}
