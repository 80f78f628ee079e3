# METADATA
# title: "Introspection endpoint enabled"
# description: |
#   introspection_endpoint = true enables sys/internal/inspect, which dumps
#   internal router and request state. It is a debugging aid that discloses
#   the cluster's internals to any token allowed there.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration#introspection_endpoint
# custom:
#   id: VG-SRV-011
#   severity: medium
#   kinds: [server_config]
#   remediation: "Remove introspection_endpoint (default false) outside a debugging session."
package vaultguard.rules.server.introspection_endpoint

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": a._loc} if {
	some cfg in input.server_config
	some key, a in cfg
	lower(key) in {"introspection_endpoint", "enableintrospectionendpoint"}
	a.bool
	msg := sprintf("%s is enabled: sys/internal/inspect exposes internal state", [key])
}
