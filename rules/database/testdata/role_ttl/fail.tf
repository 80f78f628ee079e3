resource "vault_database_secret_backend_role" "readonly" {
  name    = "readonly"
  backend = "database"
  db_name = "app"
  creation_statements = [
    "CREATE ROLE \"{{name}}\" WITH LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}';",
    "GRANT SELECT ON ALL TABLES IN SCHEMA public TO \"{{name}}\";",
  ]
  default_ttl = 86400 # want: VG-DB-001
  max_ttl     = 2592000 # want: VG-DB-001
}

resource "vault_database_secret_backend_role" "report" { # want: VG-DB-001
  name                = "report"
  backend             = "database"
  db_name             = "app"
  creation_statements = ["CREATE ROLE \"{{name}}\" WITH LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}';"]
  default_ttl         = 3600
}
