path "auth/token/lookup-self" {
  capabilities = ["read"]
}

path "secret/data/shared/motd" { # want: VG-POL-027
  capabilities = ["read"]
}
