# METADATA
# title: "Auth method role or user writes without limits on policies"
# description: |
#   Writing auth/<method>/role/*, auth/<method>/users/* or
#   auth/<method>/groups/* defines what a login gets. Without a constraint
#   on token_policies and policies, the holder can create or edit a role or
#   user that grants any policy and log in through it. The policies
#   documentation shows the fix: deny those parameters, or allow only the
#   harmless ones.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/policies#parameter-constraints
# custom:
#   id: VG-POL-012
#   severity: high
#   kinds: [policy]
#   remediation: "Add denied_parameters = { \"token_policies\" = [], \"policies\" = [] } (or an allowed_parameters list without them) to the block."
package vaultguard.rules.policy.auth_role_write

import data.vaultguard.acl

deny contains {"msg": msg, "_loc": p._loc} if {
	some e in acl.top_entries("auth")
	some p in acl.blocks(e)
	count(acl.mods(p)) > 0
	role_definition(acl.norm(p.path))
	not both_limited(p)
	msg := sprintf("path %q grants %s on auth role/user definitions without limiting token_policies and policies: the holder can grant itself any policy through a login", [p.path, concat(", ", acl.mods(p))])
}

role_segments := {"role", "roles", "users", "groups", "certs"}

# role_definition: auth/<mount>/<role|users|...>/<name> or a glob over
# them, not a sub-endpoint such as .../secret-id or .../password, and not
# the token store (VG-POL-009).
role_definition(path) if {
	s := split(acl.wc_path(path), "/")
	s[0] == "auth"
	s[1] != "token"
	s[2] in role_segments
	count(s) == 4
}

role_definition(path) if {
	s := split(acl.wc_path(path), "/")
	s[0] == "auth"
	s[1] != "token"
	s[2] in role_segments
	count(s) == 3
	endswith(path, "*")
}

both_limited(p) if {
	acl.limited(p, "token_policies")
	acl.limited(p, "policies")
}
