path "sys/audit-hash/file" {
  capabilities = ["update"]
}
