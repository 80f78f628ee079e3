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
	some [i, j] in acl.pairs
	some d in input.policy[i].paths
	acl.denies(d)
	some a in input.policy[j].paths
	acl.grants(a)
	acl.norm(a.path) != acl.norm(d.path)
	acl.higher(acl.norm(a.path), acl.norm(d.path))
	acl.overlap(acl.norm(a.path), acl.norm(d.path))
	w := acl.witness(acl.norm(a.path), acl.norm(d.path))
	msg := sprintf("deny on %q does not hold for paths such as %q: %q (%s) has higher priority there and grants %s", [d.path, w, a.path, acl.where(input.policy[j], a), concat(", ", a.capabilities)])
}
