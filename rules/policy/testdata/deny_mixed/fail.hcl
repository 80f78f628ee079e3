path "secret/data/payments/admin" {
  capabilities = ["read", "deny"] # want: VG-POL-021
}
