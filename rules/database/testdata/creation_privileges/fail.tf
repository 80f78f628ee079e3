resource "vault_database_secret_backend_role" "app" {
  name        = "app"
  backend     = "mysql"
  db_name     = "mysql"
  default_ttl = 600
  max_ttl     = 3600
  creation_statements = [ # want: VG-DB-002
    "CREATE USER '{{name}}'@'%' IDENTIFIED BY '{{password}}';",
    "GRANT ALL PRIVILEGES ON app.* TO '{{name}}'@'%' WITH GRANT OPTION;",
  ]
}
