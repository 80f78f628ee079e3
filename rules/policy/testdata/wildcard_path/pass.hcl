# Exact paths only; a deny glob grants nothing.
path "secret/data/payments/stripe" {
  capabilities = ["read"]
}

path "secret/data/admin/*" {
  capabilities = ["deny"]
}
