# The mounts and AppRole roles behind examples/policies: who holds which
# policy. `vaultguard who-can --op read secret/payments/stripe examples/`
# follows these roles to the policies that grant the read.
resource "vault_mount" "secret" {
  path        = "secret"
  type        = "kv"
  options     = { version = "2" }
  description = "Application secrets (KV version 2)"
}

resource "vault_auth_backend" "approle" {
  type = "approle"
}

resource "vault_approle_auth_backend_role" "payments_api" {
  backend            = vault_auth_backend.approle.path
  role_name          = "payments-api"
  token_policies     = ["payments-api"]
  token_ttl          = 3600
  token_max_ttl      = 14400
  secret_id_ttl      = 86400
  secret_id_num_uses = 1
}

# Written during an incident and never narrowed: long-lived tokens and
# reusable secret IDs on top of a broad policy.
resource "vault_approle_auth_backend_role" "orders_worker" {
  backend            = vault_auth_backend.approle.path
  role_name          = "orders-worker"
  token_policies     = ["orders-worker"]
  token_ttl          = 2764800
  secret_id_num_uses = 0
}
