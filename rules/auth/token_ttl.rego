# METADATA
# title: Auth role tokens live long
# description: |
#   An auth role's token_ttl is how long each token it issues lives before
#   it must be renewed, and token_max_ttl how long renewals can stretch it.
#   Unset (or 0), they fall back to the mount's and then the system's
#   defaults, 768h (32 days) out of the box. Applies to AppRole, token,
#   Kubernetes, JWT/OIDC, userpass and every other role with token_*
#   fields. Limits are configurable (thresholds.token_ttl, default 1h, and
#   thresholds.token_max_ttl, default 24h). Periodic roles are checked by
#   VG-AUTH-005 instead of the max.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/tokens#token-time-to-live-periodic-tokens-and-explicit-max-ttls
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/auth#tokens
# custom:
#   id: VG-AUTH-004
#   severity: medium
#   kinds: [approle_role, token_role, auth_role]
#   remediation: Set token_ttl (e.g. 1h) and token_max_ttl (e.g. 24h, or the job's length) on the role.
package vaultguard.rules.auth.token_ttl

import data.vaultguard.lib.objects

ttl_limit := objects.threshold("token_ttl")

max_limit := objects.threshold("token_max_ttl")

deny contains {"msg": msg, "_loc": a._loc} if {
	some role in objects.roles
	a := objects.field(role, "token_ttl")
	a.seconds > ttl_limit
	msg := sprintf("%s %q: token_ttl = %v is above the %s limit", [objects.kind_label(role), objects.name(role), objects.written(a), objects.human(ttl_limit)])
}

deny contains {"msg": msg, "_loc": a._loc} if {
	some role in objects.roles
	a := objects.field(role, "token_max_ttl")
	a.seconds > max_limit
	msg := sprintf("%s %q: token_max_ttl = %v is above the %s limit", [objects.kind_label(role), objects.name(role), objects.written(a), objects.human(max_limit)])
}

deny contains {"msg": msg, "_loc": role._loc} if {
	some role in objects.roles
	not objects.field(role, "token_max_ttl")
	not periodic(role)
	msg := sprintf("%s %q does not set token_max_ttl: its tokens can be renewed up to the mount's max TTL, 768h by default; set at most %s", [objects.kind_label(role), objects.name(role), objects.human(max_limit)])
}

deny contains {"msg": msg, "_loc": a._loc} if {
	some role in objects.roles
	a := objects.field(role, "token_max_ttl")
	a.seconds == 0
	not periodic(role)
	msg := sprintf("%s %q: token_max_ttl = %v falls back to the mount's max TTL, 768h by default; set at most %s", [objects.kind_label(role), objects.name(role), objects.written(a), objects.human(max_limit)])
}

periodic(role) if objects.set(objects.field(role, "token_period"))
