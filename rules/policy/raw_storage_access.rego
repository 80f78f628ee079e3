# METADATA
# title: "Access to sys/raw"
# description: |
#   sys/raw reads and writes Vault's storage directly, beneath the barrier's
#   access control: keyrings, tokens, policies and every secret. Any
#   capability on it (when raw_storage_endpoint is enabled) is equivalent to
#   root.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/api-docs/system/raw
# custom:
#   id: VG-POL-013
#   severity: critical
#   kinds: [policy]
#   remediation: "Remove the block; keep raw_storage_endpoint disabled and use it only in a supervised recovery with a root token."
package vaultguard.rules.policy.raw_storage_access

import data.vaultguard.acl

deny contains {"msg": msg, "_loc": p._loc} if {
	some e in acl.top_entries("sys")
	acl.grants(e)
	acl.reaches(e.path, "sys/raw")
	some p in acl.blocks(e)
	msg := sprintf("path %q grants %s on sys/raw: direct storage access below every ACL, equivalent to root", [p.path, concat(", ", p.capabilities)])
}
