# The team meant to lock payments away, but the exact path below wins:
# an exact path always beats a glob.
path "secret/data/payments/*" { # want: VG-POL-005
  capabilities = ["deny"]
}

path "secret/data/payments/stripe" {
  capabilities = ["read"]
}
