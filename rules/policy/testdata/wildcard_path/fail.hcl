path "*" { # want: VG-POL-001
  capabilities = ["read", "list"]
}

path "secret/*" { # want: VG-POL-001
  capabilities = ["create", "read", "update", "delete", "list"]
}

path "secret/data/apps/+/config" { # want: VG-POL-001
  capabilities = ["read"]
}

path "secret/apps/payments/*" { # want: VG-POL-001
  capabilities = ["read"]
}
