path "sys/policies/acl/app-team" {
  capabilities = ["read"]
}
