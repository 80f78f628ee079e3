path "secret/data/+/*" { # want: VG-POL-001
  capabilities = ["read"]
}

# Never applies: "secret/data/+/*" has fewer + segments, so it wins on
# every path this one matches (policies doc, priority rule 3).
path "secret/data/+/+/*" { # want: VG-POL-006 VG-POL-001
  capabilities = ["read", "update"]
}
