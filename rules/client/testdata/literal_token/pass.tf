provider "vault" {
  address = "https://vault.example.com:8200"
}
