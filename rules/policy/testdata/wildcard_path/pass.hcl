# Exact paths only; a deny glob grants nothing.
path "secret/data/payments/stripe" {
  capabilities = ["read"]
}

path "secret/data/admin/*" {
  capabilities = ["deny"]
}

# Every token's own cubbyhole, as in Vault's default policy.
path "cubbyhole/*" {
  capabilities = ["create", "read", "update", "delete", "list"]
}
