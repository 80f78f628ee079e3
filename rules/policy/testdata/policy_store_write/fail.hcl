path "sys/policies/acl/app-team" { # want: VG-POL-004
  capabilities = ["update"]
}

# deprecated syntax: policy = "write" means create, read, update, delete, list
path "sys/policy/app-team" { # want: VG-POL-004
  policy = "write" # want: VG-POL-020
}
