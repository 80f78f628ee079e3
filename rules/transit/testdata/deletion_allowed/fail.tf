resource "vault_transit_secret_backend_key" "old" {
  backend            = "transit"
  name               = "old"
  deletion_allowed   = true # want: VG-TRN-002
  auto_rotate_period = 2592000
}
