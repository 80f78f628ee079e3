resource "vault_transit_secret_backend_key" "orders" { # want: VG-TRN-003
  backend = "transit"
  name    = "orders"
}
