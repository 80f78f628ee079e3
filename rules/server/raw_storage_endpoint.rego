# METADATA
# title: "sys/raw endpoint enabled"
# description: |
#   raw_storage_endpoint = true turns on sys/raw, which reads and writes
#   storage beneath the barrier's access control, keyring included. A single
#   policy mistake (or a root token) then reaches everything in clear.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration#raw_storage_endpoint
# custom:
#   id: VG-SRV-010
#   severity: high
#   kinds: [server_config]
#   remediation: "Remove raw_storage_endpoint (it defaults to false); enable it only temporarily for a supervised recovery."
package vaultguard.rules.server.raw_storage_endpoint

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": a._loc} if {
	some cfg in input.server_config
	some key, a in cfg
	lower(key) in {"raw_storage_endpoint", "enablerawendpoint"}
	a.bool
	msg := sprintf("%s is enabled: sys/raw exposes storage below every ACL", [key])
}
