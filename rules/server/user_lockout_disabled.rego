# METADATA
# title: "User lockout disabled"
# description: |
#   Since Vault 1.13, userpass, ldap and approle logins lock a user out
#   after repeated failures. A user_lockout stanza with disable_lockout =
#   true turns that off, leaving password guessing limited only by rate-
#   limit quotas. The production hardening guide lists user lockout as a
#   baseline control.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration/user-lockout
# custom:
#   id: VG-SRV-024
#   severity: medium
#   kinds: [server_config]
#   remediation: "Remove disable_lockout, and tune lockout_threshold and lockout_duration instead if the defaults are too strict."
package vaultguard.rules.server.user_lockout_disabled

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": u.disable_lockout._loc} if {
	some cfg in input.server_config
	some u in cfg.user_lockout
	u.disable_lockout.bool
	msg := sprintf("user_lockout %q disables lockout: failed logins are never locked out", [u._type])
}
