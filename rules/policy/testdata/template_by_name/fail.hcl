path "secret/data/users/{{identity.entity.name}}" { # want: VG-POL-023
  capabilities = ["read"]
}
