# METADATA
# title: Overlapping wildcard patterns grant more than the block reads
# description: |
#   Two glob or "+" patterns of the policies a token holds both match some
#   paths, and on those paths the other pattern has higher priority and
#   grants capabilities this block does not. A reviewer reading this block
#   sees less access than a token actually gets there.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/policies#priority-matching
# custom:
#   id: VG-POL-008
#   severity: medium
#   kinds: [policy]
#   remediation: Make the overlap explicit with an exact path block for the shared paths, or narrow one of the patterns so they no longer overlap.
package vaultguard.rules.policy.overlapping_wildcards

import data.vaultguard.acl

deny contains {"msg": msg, "_loc": a._loc} if {
	some [i, j] in acl.pairs
	some a in input.policy[i].paths
	acl.grants(a)
	pa := acl.norm(a.path)
	acl.kind(pa) != "exact"
	some b in input.policy[j].paths
	acl.grants(b)
	pb := acl.norm(b.path)
	acl.kind(pb) != "exact"
	pa != pb
	"segments" in {acl.kind(pa), acl.kind(pb)}
	acl.higher(pb, pa)
	not acl.covers(pb, pa)
	not acl.covers(pa, pb)
	acl.overlap(pa, pb)
	extra := [c | some c in b.capabilities; not c in a.capabilities]
	count(extra) > 0
	msg := sprintf("path %q overlaps %q (%s): on paths such as %q the other pattern has higher priority and grants %s, which this block does not", [a.path, b.path, acl.where(input.policy[j], b), acl.witness(pa, pb), concat(", ", extra)])
}
