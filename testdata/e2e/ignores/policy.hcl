# vaultguard:ignore VG-POL-001 reason="reviewed: read-only app prefix" expires=2099-12-31
path "secret/apps/payments/*" {
  capabilities = ["read"]
}

path "kv/*" { # vaultguard:ignore VG-POL-001
  capabilities = ["read"]
}

# vaultguard:ignore VG-POL-001 reason="temporary" expires=2020-01-01
path "legacy/*" {
  capabilities = ["read"]
}

# vaultguard:ignore VG-POL-004 reason="was a policy-store grant, since removed"
path "secret/data/app" {
  capabilities = ["read"]
}
