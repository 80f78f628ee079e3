path "secret/data/app/config" {
  capabilities = ["read"]
}
