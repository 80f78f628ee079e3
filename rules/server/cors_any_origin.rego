# METADATA
# title: "CORS allows any origin"
# description: |
#   cors_allowed_origins containing "*" lets any web page call Vault from a
#   visitor's browser; combined with a token in the browser (the UI, a
#   stolen cookie-less token in local storage) it widens the reach of XSS
#   anywhere on the web.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration/listener/tcp#cors_allowed_origins
# custom:
#   id: VG-SRV-017
#   severity: medium
#   kinds: [server_config]
#   remediation: "List the exact origins that need browser access (the UI's own origin is not needed)."
package vaultguard.rules.server.cors_any_origin

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": l.cors_allowed_origins._loc} if {
	some cfg in input.server_config
	some l in cfg.listener
	not l.cors_enabled.bool == false
	"*" in lib.string_list(l.cors_allowed_origins.value)
	msg := "cors_allowed_origins includes \"*\": any web origin may call Vault from a browser"
}
