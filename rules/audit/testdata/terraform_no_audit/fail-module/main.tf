resource "vault_transit_secret_backend_key" "app" {
  backend            = "transit"
  name               = "app"
  auto_rotate_period = 2592000
}
