# METADATA
# title: "Legacy configuration key"
# description: |
#   backend, ha_backend and hsm are the pre-1.0 names of storage, ha_storage
#   and seal. Vault still reads them, but documentation, tooling and
#   reviewers look for the current names, and a file mixing both is easy to
#   misread.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration#storage
# custom:
#   id: VG-SRV-029
#   severity: low
#   kinds: [server_config]
#   remediation: "Rename backend to storage, ha_backend to ha_storage and hsm to seal."
package vaultguard.rules.server.legacy_config_keys

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": b._loc} if {
	some cfg in input.server_config
	some section in ["storage", "ha_storage", "seal"]
	some b in cfg[section]
	b._legacy_key
	msg := sprintf("%q is the legacy name of %q", [b._legacy_key, section])
}
