resource "vault_mount" "kv" { # want: VG-AUD-004
  path = "secret"
  type = "kv-v2"
}

resource "vault_auth_backend" "userpass" {
  type = "userpass"
}
