path "secret/data/shared/config" { # want: VG-POL-007
  capabilities = ["read", "update"]
}

# Added later during an incident; it silently cancels the block above.
path "secret/data/shared/config" {
  capabilities = ["deny"]
}
