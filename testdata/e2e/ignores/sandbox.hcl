# vaultguard:ignore-file VG-POL-001 reason="sandbox mount, wiped nightly"
path "sandbox/*" {
  capabilities = ["create", "read", "update", "delete", "list"]
}
