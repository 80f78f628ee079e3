path "kv-v1/app/config" {
  capabilities = ["create", "update"]
  allowed_parameters = {
    "username" = []
  }
}
