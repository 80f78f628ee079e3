path "secret/data/app/config" {
  capabilities = ["create", "update"]
  allowed_parameters = { # want: VG-POL-022
    "username" = []
  }
}
