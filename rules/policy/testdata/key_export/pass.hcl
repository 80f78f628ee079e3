path "transit/encrypt/payments" {
  capabilities = ["update"]
}

path "pki/issue/web" {
  capabilities = ["update"]
}
