path "auth/approle/role/payments-api/secret-id" { # want: VG-POL-025
  capabilities = ["update"]
}
