provider "vault" {
  address = "https://vault.example.com:8200"
  token   = "s.abcdefghijklmnopqrstuvwx" # want: VG-CLI-003
}
