# METADATA
# title: Same pattern granted in one place and denied in another
# description: |
#   When the same path pattern appears in several blocks of the policies a
#   token holds, Vault merges them; a deny in any of them discards every
#   capability the others grant. The grant here therefore never takes
#   effect for holders of both.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/policies#capabilities
# custom:
#   id: VG-POL-007
#   severity: medium
#   kinds: [policy]
#   remediation: Decide which one is meant; remove the grant, or the deny, or split the holders so no token gets both policies.
package vaultguard.rules.policy.conflicting_duplicate

import data.vaultguard.acl

deny contains {"msg": msg, "_loc": g._loc} if {
	# Denies are few: start from them.
	some ed in acl.entries
	acl.denies(ed)
	some eg in acl.neighbours(ed)
	ed.path == eg.path
	acl.grants(eg)
	acl.related(eg, ed)
	d := acl.blocks(ed)[0]
	some g in acl.blocks(eg)
	msg := sprintf("path %q grants %s here, but %s denies the same pattern: Vault merges them and the deny discards every capability", [g.path, concat(", ", g.capabilities), acl.where(input.policy[ed.pol], d)])
}
