resource "vault_mount" "kv" {
  path = "secret"
  type = "kv-v2"
}

resource "vault_jwt_auth_backend" "gitlab" {
  path         = "jwt"
  bound_issuer = "https://gitlab.example.com"
}
