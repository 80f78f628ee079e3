path "*" {
  capabilities = ["sudo"]
}
