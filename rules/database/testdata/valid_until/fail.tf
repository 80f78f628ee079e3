resource "vault_database_secret_backend_role" "app" {
  name        = "app"
  backend     = "pg"
  db_name     = "pg"
  default_ttl = 600
  max_ttl     = 3600
  creation_statements = [ # want: VG-DB-003
    "CREATE USER \"{{name}}\" WITH PASSWORD '{{password}}';",
    "GRANT SELECT ON ALL TABLES IN SCHEMA public TO \"{{name}}\";",
  ]
}
