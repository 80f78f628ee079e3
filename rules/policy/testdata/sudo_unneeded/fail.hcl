path "secret/data/app/config" { # want: VG-POL-024
  capabilities = ["read", "sudo"]
}
