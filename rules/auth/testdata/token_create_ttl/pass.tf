resource "vault_token" "deploy" {
  display_name     = "deploy"
  policies         = ["deploy"]
  ttl              = "30m"
  explicit_max_ttl = "4h"
}

variable "ttl" {
  type = string
}

resource "vault_token" "job" {
  policies         = ["job"]
  ttl              = var.ttl
  explicit_max_ttl = "24h"
}
