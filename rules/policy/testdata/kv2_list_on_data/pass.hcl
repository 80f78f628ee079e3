path "secret/data/app/config" {
  capabilities = ["read"]
}

path "secret/metadata/app/config" {
  capabilities = ["list"]
}
