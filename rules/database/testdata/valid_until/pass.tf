# MSSQL has no VALID UNTIL: not checked.
resource "vault_database_secret_backend_role" "dev1" {
  name        = "dev1"
  backend     = "db"
  db_name     = "db1"
  default_ttl = 600
  max_ttl     = 3600
  creation_statements = [
    "CREATE LOGIN [{{name}}] WITH PASSWORD = '{{password}}';",
    "CREATE USER [{{name}}] FOR LOGIN [{{name}}];",
  ]
}
