path "auth/token/roles/ci" {
  capabilities = ["update"]
  allowed_parameters = {
    "allowed_policies" = ["ci-deploy"]
    "orphan"           = [false]
  }
}

path "auth/token/create" {
  capabilities = ["update"]
}
