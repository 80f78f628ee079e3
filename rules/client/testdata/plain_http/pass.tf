variable "vault_addr" {
  type = string
}

provider "vault" {
  address = var.vault_addr
}
