path "secret/data/shared/config" {
  capabilities = ["read"]
}

path "secret/data/shared/rotation" {
  capabilities = ["deny"]
}
