path "sys/quotas/rate-limit/global" { # want: VG-POL-019
  capabilities = ["update", "delete"]
}

path "identity/mfa/login-enforcement/admins" { # want: VG-POL-019
  capabilities = ["delete"]
}
