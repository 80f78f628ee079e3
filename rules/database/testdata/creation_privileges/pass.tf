resource "vault_database_secret_backend_role" "app" {
  name        = "app"
  backend     = "mysql"
  db_name     = "mysql"
  default_ttl = 600
  max_ttl     = 3600
  creation_statements = [
    "CREATE USER '{{name}}'@'%' IDENTIFIED BY '{{password}}';",
    "GRANT SELECT ON app.* TO '{{name}}'@'%';",
  ]
}
