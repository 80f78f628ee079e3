path "secret/data/team-a/config" {
  capabilities = ["read"]
}
