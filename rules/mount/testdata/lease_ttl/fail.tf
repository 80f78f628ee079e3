resource "vault_auth_backend" "userpass" {
  type = "userpass"
  path = "userpass"
  tune {
    default_lease_ttl = "2h" # want: VG-MNT-001
    max_lease_ttl     = "24h"
  }
}

resource "vault_mount" "db" {
  path                      = "db"
  type                      = "database"
  default_lease_ttl_seconds = 3600
  max_lease_ttl_seconds     = 2592000 # want: VG-MNT-001
}

resource "vault_audit" "file" {
  type = "file"
  options = {
    file_path = "/var/log/vault/audit.log"
  }
}
