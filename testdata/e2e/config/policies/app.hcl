path "secret/*" {
  capabilities = ["read", "update"]
}
