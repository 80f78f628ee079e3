storage "consul" {
  address = "127.0.0.1:8500"
  path    = "vault/"
  token   = "3c9f7e7c-d8b1-4a5b-9e8a-8b0f3b9e2f11" # want: VG-SRV-021
}

listener "tcp" {
  address       = "0.0.0.0:8200"
  tls_cert_file = "/opt/vault/tls/vault.pem"
  tls_key_file  = "/opt/vault/tls/vault-key.pem"

  custom_response_headers {
    "default" = {
      "Strict-Transport-Security" = ["max-age=31536000; includeSubDomains"]
    }
  }
}

seal "awskms" {
  region     = "eu-west-1"
  kms_key_id = "alias/vault-unseal"
}

default_lease_ttl = "1h"
max_lease_ttl     = "24h"
