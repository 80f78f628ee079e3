# METADATA
# title: "Deprecated policy = \"...\" in a path block"
# description: |
#   The policy key (deny, read, write, sudo) predates capabilities. Vault
#   still maps it (write becomes create, read, update, delete and list; sudo
#   adds sudo), but the mapping is easy to misread, it cannot express patch
#   or subscribe, and repeating it in one block is rejected by current
#   Vault.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/policies#capabilities
# custom:
#   id: VG-POL-020
#   severity: low
#   kinds: [policy]
#   remediation: "Replace policy = \"read\" with capabilities = [\"read\", \"list\"] (and so on) listing exactly what is needed."
package vaultguard.rules.policy.legacy_policy_key


deny contains {"msg": msg, "_loc": p.policy._loc} if {
	some pol in input.policy
	some p in pol.paths
	p.policy
	msg := sprintf("path %q uses the deprecated policy = %q; Vault reads it as capabilities %v", [p.path, p.policy.value, p.capabilities])
}
