path "sys/audit/file" { # want: VG-POL-003
  capabilities = ["update", "sudo"]
}

path "auth/token/create-orphan" {
  capabilities = ["update", "sudo"]
}
