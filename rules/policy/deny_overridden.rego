# METADATA
# title: Deny overridden by a higher-priority allow
# description: |
#   Vault applies only the highest-priority pattern that matches a request,
#   across all the policies a token holds. A deny on a glob does not hold
#   where a more specific pattern (an exact path, a longer prefix, a later
#   wildcard) grants capabilities: the allow wins there. Checked within a
#   policy, against the default policy, and across policies that some role,
#   user, group or token attaches together.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/policies#priority-matching
# custom:
#   id: VG-POL-005
#   severity: medium
#   kinds: [policy]
#   remediation: Add the deny on the more specific pattern too (an exact deny beats any glob), or narrow the allow so it does not reach into the denied subtree.
package vaultguard.rules.policy.deny_overridden

import data.vaultguard.acl

deny contains {"msg": msg, "_loc": d._loc} if {
	some ed in acl.entries
	acl.denies(ed)
	some ea in acl.neighbours(ed)
	acl.grants(ea)
	ea.path != ed.path
	acl.related(ed, ea)
	acl.higher(ea.path, ed.path)
	acl.overlap(ea.path, ed.path)
	a := acl.blocks(ea)[0]
	w := acl.witness(ea.path, ed.path)
	some d in acl.blocks(ed)
	msg := sprintf("deny on %q does not hold for paths such as %q: %q (%s) has higher priority there and grants %s", [d.path, w, a.path, acl.where(input.policy[ea.pol], a), concat(", ", a.capabilities)])
}
