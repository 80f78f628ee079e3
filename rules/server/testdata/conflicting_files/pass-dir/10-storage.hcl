storage "raft" {
  path    = "/opt/vault/data"
  node_id = "vault-1"
}

seal "awskms" {
  region     = "eu-west-1"
  kms_key_id = "alias/vault-unseal"
}

default_lease_ttl = "1h"
max_lease_ttl     = "24h"
