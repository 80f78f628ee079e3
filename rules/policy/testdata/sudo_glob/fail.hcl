path "sys/audit/file" { # want: VG-POL-003 VG-POL-014
  capabilities = ["update", "sudo"]
}

path "auth/token/revoke-orphan" {
  capabilities = ["update", "sudo"]
}
