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

deny contains {"msg": msg, "_loc": p._loc} if {
	some pol in input.policy
	some p in pol.paths
	touches_store(p.path)
	writes := [c | some c in p.capabilities; c in {"create", "update", "patch", "delete"}]
	count(writes) > 0
	msg := sprintf("path %q grants %s on the ACL policy store: a holder can rewrite its own policies and grant itself anything", [p.path, concat(", ", writes)])
}

# A glob reaching into the store: only a glob can match a probe path, and
# only one whose literal stem agrees with "sys/pol" (cheap tests first).
touches_store(path) if {
	lib.is_glob(path)
	lib.may_reach(path, "sys/pol")
	some probe in probes
	lib.path_matches(path, probe)
}

touches_store(path) if startswith(path, "sys/policies/acl/")

touches_store(path) if startswith(path, "sys/policy/")
