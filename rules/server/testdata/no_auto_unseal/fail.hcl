storage "raft" { # want: VG-SRV-005
  path = "/opt/vault/data"
}

listener "tcp" {
  address       = "0.0.0.0:8200"
  tls_cert_file = "/opt/vault/tls/vault.pem"
  tls_key_file  = "/opt/vault/tls/vault-key.pem"
}

default_lease_ttl = "1h"
max_lease_ttl     = "24h"
