path "secret/app/config" {
  capabilities = ["read", "list"]
}
