path "secret/data/app/config" { # want: VG-POL-028
  capabilities = ["read", "list"]
}
