path "secret/data/payments/admin" {
  capabilities = ["deny"]
}
