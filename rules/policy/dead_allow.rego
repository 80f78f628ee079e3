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
	some [i, j] in acl.pairs
	some a in input.policy[i].paths
	acl.grants(a)
	some b in input.policy[j].paths
	acl.norm(a.path) != acl.norm(b.path)
	acl.covers(acl.norm(b.path), acl.norm(a.path))
	acl.higher(acl.norm(b.path), acl.norm(a.path))
	msg := sprintf("path %q never decides a request: every path it matches is decided by %q (%s), which has higher priority", [a.path, b.path, acl.where(input.policy[j], b)])
}
