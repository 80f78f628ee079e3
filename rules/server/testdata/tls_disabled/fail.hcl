storage "raft" {
  path = "/opt/vault/data"
}

listener "tcp" {
  address     = "0.0.0.0:8200"
  tls_disable = "true" # want: VG-SRV-002
}

listener "tcp" {
  address     = "127.0.0.1:8210"
  tls_disable = 1 # want: VG-SRV-002
}

seal "awskms" {
  kms_key_id = "alias/vault-unseal"
}

default_lease_ttl = "1h"
max_lease_ttl     = "24h"
