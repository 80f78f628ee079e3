path "sys/leases/revoke" {
  capabilities = ["update"]
}
