# payments-api: the service reads its own Stripe key and asks for
# short-lived database credentials and transit encryption. Nothing else.
path "secret/data/payments/stripe" {
  capabilities = ["read"]
}

path "database/creds/payments-readonly" {
  capabilities = ["read"]
}

path "transit/encrypt/payments" {
  capabilities = ["update"]
}

path "transit/decrypt/payments" {
  capabilities = ["update"]
}
