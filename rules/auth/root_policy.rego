# METADATA
# title: Role or token grants the root policy
# description: |
#   The root policy can do anything in Vault, including changing every
#   other policy. A role whose token_policies (or policies, or a token
#   role's allowed_policies) include it hands out root tokens to whoever
#   can log in with it. Vault matches policy names after trimming and
#   lower-casing them, so " Root" is root too.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/policies#root-policy
# custom:
#   id: VG-AUTH-006
#   severity: critical
#   kinds: [approle_role, token_role, auth_role, token]
#   remediation: Grant a policy written for the workload; create root tokens only with `vault operator generate-root` when needed and revoke them right after.
package vaultguard.rules.auth.root_policy

import data.vaultguard.lib.objects

fields := ["token_policies", "policies", "allowed_policies"]

deny contains {"msg": msg, "_loc": a._loc} if {
	some kind in ["approle_role", "token_role", "auth_role", "token"]
	some o in input[kind]
	some f in fields
	a := o[f]
	a.known
	some p in as_list(a.value)
	lower(trim_space(p)) == "root"
	msg := sprintf("%s %q grants the root policy in %s", [objects.kind_label(o), objects.name(o), f])
}

as_list(v) := v if is_array(v)

as_list(v) := split(v, ",") if is_string(v)
