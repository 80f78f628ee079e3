path "sys/mounts/kv-team" { # want: VG-POL-010
  capabilities = ["create", "update", "delete"]
}

path "sys/auth/oidc" { # want: VG-POL-010 VG-POL-003
  capabilities = ["create", "update", "sudo"]
}
