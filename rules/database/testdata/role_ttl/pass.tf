resource "vault_database_secret_backend_role" "readonly" {
  name                = "readonly"
  backend             = "database"
  db_name             = "app"
  creation_statements = ["CREATE ROLE \"{{name}}\" WITH LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}';"]
  default_ttl         = 3600
  max_ttl             = 86400
}
