path "secret/data/users/{{identity.entity.id}}" {
  capabilities = ["read"]
}
