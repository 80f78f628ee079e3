# METADATA
# title: "Write access to the plugin catalog"
# description: |
#   Registering a plugin in sys/plugins/catalog/* tells Vault which binary
#   (and checksum) to execute for a secrets engine or auth method: code
#   execution on the Vault host, with access to everything in memory.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/api-docs/system/plugins-catalog
# custom:
#   id: VG-POL-015
#   severity: critical
#   kinds: [policy]
#   remediation: "Register plugins from a supervised, root-token change; give automation read access to the catalog only."
package vaultguard.rules.policy.plugin_catalog_write

import data.vaultguard.acl

deny contains {"msg": msg, "_loc": p._loc} if {
	some e in acl.top_entries("sys")
	count(acl.mods(e)) > 0
	hits := [trim_suffix(prefix, "/") | some prefix in ["sys/plugins/catalog/", "sys/plugins/runtimes/catalog/"]; acl.reaches(e.path, prefix)]
	count(hits) > 0
	some p in acl.blocks(e)
	msg := sprintf("path %q grants %s on %s: registering a plugin runs a binary of the holder's choice inside Vault", [p.path, concat(", ", acl.mods(p)), concat(", ", hits)])
}
