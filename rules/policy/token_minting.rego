# METADATA
# title: "Token minting without limits on policies"
# description: |
#   Write access to auth/token/roles/* without a limit on allowed_policies
#   lets the holder define a token role that issues any policy, then create
#   tokens through it. sudo on auth/token/create* lets the holder mint
#   tokens with policies its own token does not have, and orphan tokens that
#   outlive it. Either is a route to every non-root policy in the cluster.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/policies#root-protected-api-endpoints
# custom:
#   id: VG-POL-009
#   severity: high
#   kinds: [policy]
#   remediation: "Constrain the parameter: allowed_parameters = { \"allowed_policies\" = [\"app-*\"], \"*\" = [] } on token roles, or drop sudo from token creation paths."
package vaultguard.rules.policy.token_minting

import data.vaultguard.acl

deny contains {"msg": msg, "_loc": p._loc} if {
	some e in acl.top_entries("auth")
	some p in acl.blocks(e)
	count(acl.mods(p)) > 0
	acl.reaches(p.path, "auth/token/roles/")
	not acl.limited(p, "allowed_policies")
	msg := sprintf("path %q grants %s on token roles without limiting allowed_policies: the holder can define a role that issues any policy", [p.path, concat(", ", acl.mods(p))])
}

deny contains {"msg": msg, "_loc": p._loc} if {
	some e in acl.top_entries("auth")
	"sudo" in e.capabilities
	some p in acl.blocks(e)
	acl.reaches(p.path, "auth/token/create")
	not acl.limited(p, "policies")
	msg := sprintf("path %q grants sudo on token creation without limiting policies: the holder can mint tokens with policies it does not hold, and orphans", [p.path])
}
