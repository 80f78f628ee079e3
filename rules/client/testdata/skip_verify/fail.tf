provider "vault" {
  address         = "https://vault.example.com:8200"
  skip_tls_verify = true # want: VG-CLI-001
}
