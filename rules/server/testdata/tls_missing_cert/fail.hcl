storage "raft" {
  path = "/opt/vault/data"
}

listener "tcp" { # want: VG-SRV-003
  address      = "0.0.0.0:8200"
  tls_key_file = "/opt/vault/tls/vault-key.pem"
  custom_response_headers {
    "default" = {
      "Strict-Transport-Security" = ["max-age=31536000; includeSubDomains"]
    }
  }
}

seal "awskms" {
  kms_key_id = "alias/vault-unseal"
}

default_lease_ttl = "1h"
max_lease_ttl     = "24h"
