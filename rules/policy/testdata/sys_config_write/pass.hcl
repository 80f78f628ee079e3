path "sys/quotas/rate-limit/global" {
  capabilities = ["read"]
}
