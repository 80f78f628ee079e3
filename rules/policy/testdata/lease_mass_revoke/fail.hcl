path "sys/leases/revoke-prefix/database/creds/app" { # want: VG-POL-017 VG-POL-003
  capabilities = ["update", "sudo"]
}
