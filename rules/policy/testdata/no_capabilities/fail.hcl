path "secret/data/app/config" { # want: VG-POL-026
  capabilities = []
}
