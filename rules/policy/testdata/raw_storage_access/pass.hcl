path "sys/raw" {
  capabilities = ["deny"]
}
