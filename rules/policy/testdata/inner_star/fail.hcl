path "secret/*/config" { # want: VG-POL-002
  capabilities = ["read"]
}
