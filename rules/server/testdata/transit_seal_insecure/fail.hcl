storage "raft" {
  path    = "/opt/vault/data"
  node_id = "vault-1"
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

seal "transit" {
  address         = "https://vault-seal.internal:8200"
  key_name        = "autounseal"
  mount_path      = "transit/"
  tls_skip_verify = "true" # want: VG-SRV-028
}

default_lease_ttl = "1h"
max_lease_ttl     = "24h"
