resource "vault_transit_secret_backend_key" "old" {
  backend            = "transit"
  name               = "old"
  deletion_allowed   = false
  auto_rotate_period = 2592000
}
