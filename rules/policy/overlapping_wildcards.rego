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
	some ea in acl.entries
	acl.kind(ea.path) != "exact"
	acl.grants(ea)
	some eb in acl.neighbours(ea)
	acl.grants(eb)
	acl.kind(eb.path) != "exact"
	ea.path != eb.path
	"segments" in {acl.kind(ea.path), acl.kind(eb.path)}
	acl.related(ea, eb)
	acl.higher(eb.path, ea.path)
	not acl.covers(eb.path, ea.path)
	not acl.covers(ea.path, eb.path)
	acl.overlap(ea.path, eb.path)
	extra := [c | some c in eb.capabilities; not c in ea.capabilities]
	count(extra) > 0
	b := acl.blocks(eb)[0]
	some a in acl.blocks(ea)
	msg := sprintf("path %q overlaps %q (%s): on paths such as %q the other pattern has higher priority and grants %s, which this block does not", [a.path, b.path, acl.where(input.policy[eb.pol], b), acl.witness(ea.path, eb.path), concat(", ", extra)])
}
