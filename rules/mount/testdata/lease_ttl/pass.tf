resource "vault_auth_backend" "userpass" {
  type = "userpass"
  tune {
    default_lease_ttl = "30m"
    max_lease_ttl     = "24h"
  }
}

resource "vault_audit" "file" {
  type = "file"
  options = {
    file_path = "/var/log/vault/audit.log"
  }
}

resource "vault_mount" "pki" {
  path                  = "pki"
  type                  = "pki"
  max_lease_ttl_seconds = 315360000
}
