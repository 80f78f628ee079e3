provider "vault" {
  address = "http://vault.example.com:8200" # want: VG-CLI-002
}
