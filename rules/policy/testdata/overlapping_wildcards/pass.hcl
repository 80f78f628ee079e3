path "secret/data/billing/config" {
  capabilities = ["read", "update"]
}

path "secret/data/orders/config" {
  capabilities = ["read"]
}
