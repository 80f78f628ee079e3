# METADATA
# title: Write access to the ACL policy store
# description: |
#   A token that can write sys/policies/acl/* (or the older sys/policy/*)
#   can rewrite a policy it holds to grant itself anything, including
#   `path "*" { capabilities = ["sudo", ...] }`: it is root in all but name.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/api-docs/system/policies
# custom:
#   id: VG-POL-004
#   severity: critical
#   kinds: [policy]
#   remediation: Keep policy writes for a break-glass or CI identity that is itself tightly bound; give everyone else read/list at most.
package vaultguard.rules.policy.policy_store_write

import data.vaultguard.lib

probes := ["sys/policies/acl/vaultguard-probe", "sys/policy/vaultguard-probe"]

# Paths under "sys/pol" (the store itself, literal or glob), then globs
# from higher up that still reach it ("sys/*", "+/policies/acl/*", "*").
# Two bodies so that the common path, neither, costs one startswith and
# one field lookup.
deny contains finding(p) if {
	some pol in input.policy
	some p in pol.paths
	startswith(p.path, "sys/pol")
	touches_store(p.path)
	count(writes(p)) > 0
}

deny contains finding(p) if {
	some pol in input.policy
	some p in pol.paths
	p.glob
	not startswith(p.path, "sys/pol")
	lib.may_reach(p.path, "sys/pol")
	some probe in probes
	lib.path_matches(p.path, probe)
	count(writes(p)) > 0
}

writes(p) := [c | some c in p.capabilities; c in {"create", "update", "patch", "delete"}]

finding(p) := {"msg": msg, "_loc": p._loc} if {
	msg := sprintf("path %q grants %s on the ACL policy store: a holder can rewrite its own policies and grant itself anything", [p.path, concat(", ", writes(p))])
}

touches_store(path) if startswith(path, "sys/policies/acl/")

touches_store(path) if startswith(path, "sys/policy/")

# A glob under sys/pol that is neither prefix above ("sys/pol*",
# "sys/policies/+/x") reaches the store when it matches a probe path.
touches_store(path) if {
	some probe in probes
	lib.path_matches(path, probe)
}
