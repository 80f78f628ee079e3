path "auth/token/create-orphan" {
  capabilities = ["update", "sudo"]
}
