resource "vault_transit_secret_backend_key" "payments" {
  backend            = "transit"
  name               = "payments"
  auto_rotate_period = 2592000
}
