# METADATA
# title: "Write access to identity entities or groups"
# description: |
#   Entities and identity groups carry policies of their own, added to every
#   token of their members. A holder who can write identity/entity*,
#   identity/group* or their aliases can add a policy to its own entity,
#   join a privileged group, or attach an alias that makes another login
#   become a privileged entity. This includes templated self paths such as
#   identity/entity/id/{{identity.entity.id}}.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/identity
# custom:
#   id: VG-POL-011
#   severity: high
#   kinds: [policy]
#   remediation: "Grant read on identity paths only; leave entity, group and alias writes to an identity administrator, and constrain policies/member_entity_ids with denied_parameters where writes are unavoidable."
package vaultguard.rules.policy.identity_write

import data.vaultguard.acl

deny contains {"msg": msg, "_loc": p._loc} if {
	some e in acl.top_entries("identity")
	some p in acl.blocks(e)
	count(acl.mods(p)) > 0
	hits := [trim_suffix(prefix, "/") | some prefix in prefixes; acl.reaches(p.path, prefix)]
	count(hits) > 0
	not constrained(p)
	msg := sprintf("path %q grants %s on %s: the holder can attach policies to entities or groups, its own included", [p.path, concat(", ", acl.mods(p)), concat(", ", hits)])
}

prefixes := ["identity/entity/", "identity/entity-alias/", "identity/group/", "identity/group-alias/"]

constrained(p) if {
	acl.limited(p, "policies")
	acl.limited(p, "member_entity_ids")
	acl.limited(p, "member_group_ids")
	acl.limited(p, "canonical_id")
}
