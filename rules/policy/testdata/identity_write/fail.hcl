path "identity/group/name/*" { # want: VG-POL-011 VG-POL-001
  capabilities = ["create", "update"]
}

path "identity/entity/id/{{identity.entity.id}}" { # want: VG-POL-011
  capabilities = ["read", "update"]
}
