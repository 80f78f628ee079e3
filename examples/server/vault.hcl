# Production Vault server: integrated storage, TLS, AWS KMS auto-unseal,
# short lease TTLs. Credentials for the seal come from the instance role.
storage "raft" {
  path    = "/opt/vault/data"
  node_id = "vault-1"

  retry_join {
    leader_api_addr     = "https://vault-2.internal:8200"
    leader_ca_cert_file = "/opt/vault/tls/ca.pem"
  }
}

listener "tcp" {
  address         = "0.0.0.0:8200"
  cluster_address = "0.0.0.0:8201"
  tls_cert_file   = "/opt/vault/tls/vault.pem"
  tls_key_file    = "/opt/vault/tls/vault-key.pem"
  tls_min_version = "tls12"
}

seal "awskms" {
  region     = "eu-west-1"
  kms_key_id = "alias/vault-unseal"
}

api_addr          = "https://vault-1.internal:8200"
cluster_addr      = "https://vault-1.internal:8201"
default_lease_ttl = "1h"
max_lease_ttl     = "24h"
ui                = true
