seal "gcpckms" {
  project    = "vault-prod"
  region     = "global"
  key_ring   = "vault"
  crypto_key = "unseal"
}
