# METADATA
# title: Allow that never applies
# description: |
#   Every path this block matches is also matched by another pattern of
#   the same policy set that has higher priority (Vault ranks "a/+/*" above
#   "a/+/+/*" because it has fewer "+" segments), so the block never
#   decides a request: its capabilities are dead code that misleads
#   reviewers.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/policies#priority-matching
# custom:
#   id: VG-POL-006
#   severity: low
#   kinds: [policy]
#   remediation: Remove the dead block, or move its capabilities onto the pattern that actually decides these paths.
package vaultguard.rules.policy.dead_allow

import data.vaultguard.acl

deny contains {"msg": msg, "_loc": a._loc} if {
	# Only a wildcard pattern can cover another: start from those (few).
	some eb in acl.entries
	acl.kind(eb.path) != "exact"
	some ea in acl.neighbours(eb)
	eb.path != ea.path
	acl.grants(ea)
	acl.related(ea, eb)
	acl.covers(eb.path, ea.path)
	acl.higher(eb.path, ea.path)
	b := acl.blocks(eb)[0]
	some a in acl.blocks(ea)
	msg := sprintf("path %q never decides a request: every path it matches is decided by %q (%s), which has higher priority", [a.path, b.path, acl.where(input.policy[eb.pol], b)])
}
