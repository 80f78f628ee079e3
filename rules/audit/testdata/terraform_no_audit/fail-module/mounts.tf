resource "vault_jwt_auth_backend" "gitlab" { # want: VG-AUD-004
  path         = "jwt"
  bound_issuer = "https://gitlab.example.com"
}

resource "vault_mount" "transit" {
  path = "transit"
  type = "transit"
}
