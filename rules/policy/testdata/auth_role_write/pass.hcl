# From the policies documentation: users may change passwords, not policies.
path "auth/userpass/users/alice" {
  capabilities = ["update"]
  denied_parameters = {
    "token_policies" = []
    "policies"       = []
  }
}
