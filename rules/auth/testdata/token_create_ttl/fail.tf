resource "vault_token" "deploy" { # want: VG-AUTH-007
  display_name = "deploy"
  policies     = ["deploy"]
}

resource "vault_token" "backup" {
  display_name     = "backup"
  policies         = ["backup"]
  ttl              = "1h"
  explicit_max_ttl = "2160h" # want: VG-AUTH-007
}
