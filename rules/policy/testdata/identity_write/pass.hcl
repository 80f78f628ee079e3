path "identity/entity/id/{{identity.entity.id}}" {
  capabilities = ["read"]
}

path "identity/lookup/entity" {
  capabilities = ["update"]
}
