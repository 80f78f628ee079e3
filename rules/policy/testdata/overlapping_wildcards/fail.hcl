# Reads like "config is read-only everywhere", but on secret/data/billing/config
# the prefix below wins (its first wildcard comes later) and grants update.
path "secret/data/+/config" { # want: VG-POL-008 VG-POL-001
  capabilities = ["read"]
}

path "secret/data/billing/*" { # want: VG-POL-001
  capabilities = ["read", "update"]
}
