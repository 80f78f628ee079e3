path "secret/data/app/config" {
  capabilities = ["read"]
}

path "secret/data/app/certs" {
  capabilities = ["read"]
}
