path "secret/data/payments/stripe" {
  capabilities = ["read"]
}

path "secret/data/payments/admin" {
  capabilities = ["deny"]
}
