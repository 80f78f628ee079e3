variable "db_password" {
  type      = string
  sensitive = true
}

resource "vault_database_secret_backend_connection" "pg" {
  backend       = "database"
  name          = "pg"
  allowed_roles = ["app"]

  postgresql {
    connection_url = "postgres://{{username}}:{{password}}@db.internal:5432/app?sslmode=disable" # want: VG-DB-004
    username       = "vault"
    password       = var.db_password
  }
}
