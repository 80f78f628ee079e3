variable "pg_password" {
  type      = string
  sensitive = true
}

resource "vault_database_secrets_mount" "db" {
  path = "db"

  postgresql {
    name           = "db2"
    username       = "postgres"
    password       = var.pg_password
    connection_url = "postgresql://{{username}}:{{password}}@127.0.0.1:5432/postgres"
    allowed_roles  = ["dev2"]
  }
}

resource "vault_audit" "file" {
  type = "file"
  options = {
    file_path = "/var/log/vault/audit.log"
  }
}
