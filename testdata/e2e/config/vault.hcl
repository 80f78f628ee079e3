storage "raft" {
  path = "/opt/vault/data"
}

listener "tcp" {
  address       = "0.0.0.0:8200"
  tls_cert_file = "/opt/vault/tls/vault.pem"
  tls_key_file  = "/opt/vault/tls/vault-key.pem"
}

seal "awskms" {
  kms_key_id = "alias/vault-unseal"
}

default_lease_ttl = "1h"
# 48h is above the default 24h limit but within this repo's 72h threshold.
max_lease_ttl = "48h"
