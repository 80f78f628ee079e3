path "sys/raw/logical" { # want: VG-POL-013
  capabilities = ["read"]
}
