path "sys/audit/file" { # want: VG-POL-014 VG-POL-003
  capabilities = ["create", "update", "delete", "sudo"]
}
