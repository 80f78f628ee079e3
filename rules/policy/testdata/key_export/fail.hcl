path "transit/export/encryption-key/payments" { # want: VG-POL-018
  capabilities = ["read"]
}

path "pki/sign-verbatim/web" { # want: VG-POL-018
  capabilities = ["update"]
}
