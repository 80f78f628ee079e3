path "sys/plugins/catalog" {
  capabilities = ["read"]
}
