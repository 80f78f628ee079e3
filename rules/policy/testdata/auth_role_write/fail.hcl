path "auth/approle/role/*" { # want: VG-POL-012 VG-POL-001
  capabilities = ["create", "update"]
}
