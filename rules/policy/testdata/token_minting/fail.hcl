path "auth/token/roles/ci" { # want: VG-POL-009
  capabilities = ["create", "update"]
}

path "auth/token/create-orphan" { # want: VG-POL-009
  capabilities = ["update", "sudo"]
}
