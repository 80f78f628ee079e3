storage "raft" {
  path = "/opt/vault/data"
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
  kms_key_id = "alias/vault-unseal"
}

default_lease_ttl = 3600
max_lease_ttl     = "86400"
