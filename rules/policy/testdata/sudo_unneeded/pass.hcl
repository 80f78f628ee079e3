path "auth/token/revoke-orphan" {
  capabilities = ["update", "sudo"]
}
