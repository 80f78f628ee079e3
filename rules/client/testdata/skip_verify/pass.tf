provider "vault" {
  address      = "https://vault.example.com:8200"
  ca_cert_file = "/etc/ssl/vault-ca.pem"
}
