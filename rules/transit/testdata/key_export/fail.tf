resource "vault_transit_secret_backend_key" "payments" {
  backend                = "transit"
  name                   = "payments"
  exportable             = true # want: VG-TRN-001
  allow_plaintext_backup = true # want: VG-TRN-001
  auto_rotate_period     = 2592000
}
