# METADATA
# title: Token created with a long or default lifetime
# description: |
#   A token created directly (`vault token create`, Terraform's vault_token)
#   rather than by logging in through an auth role lives for its ttl and
#   can be renewed up to its explicit_max_ttl. Without -ttl it takes the
#   token store's default TTL, 768h (32 days) unless the mount was tuned;
#   a periodic token (-period) without -explicit-max-ttl can be renewed
#   forever. Limits are configurable (thresholds.token_ttl, default 1h,
#   and thresholds.token_max_ttl, default 24h).
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/commands/token/create
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/tokens#token-time-to-live-periodic-tokens-and-explicit-max-ttls
# custom:
#   id: VG-AUTH-007
#   severity: medium
#   kinds: [token]
#   remediation: Pass -ttl (e.g. 1h) and -explicit-max-ttl (e.g. 24h) to `vault token create`, or set ttl and explicit_max_ttl on vault_token; better, give the client an auth method (AppRole, Kubernetes) whose role bounds its tokens.
package vaultguard.rules.auth.token_create_ttl

import data.vaultguard.lib.objects

ttl_limit := objects.threshold("token_ttl")

max_limit := objects.threshold("token_max_ttl")

deny contains {"msg": msg, "_loc": a._loc} if {
	some t in input.token
	a := t.ttl
	a.seconds > ttl_limit
	msg := sprintf("%s is created with ttl = %v, above the %s limit", [what(t), objects.written(a), objects.human(ttl_limit)])
}

deny contains {"msg": msg, "_loc": a._loc} if {
	some t in input.token
	a := t.explicit_max_ttl
	a.seconds > max_limit
	msg := sprintf("%s is created with explicit_max_ttl = %v, above the %s limit", [what(t), objects.written(a), objects.human(max_limit)])
}

deny contains {"msg": msg, "_loc": t._loc} if {
	some t in input.token
	not set(t, "ttl")
	not set(t, "period")
	not set(t, "role_name") # a token role's own TTLs apply (VG-AUTH-004)
	msg := sprintf("%s is created without a ttl: it gets the token store's default TTL, 768h unless the mount was tuned; set at most %s", [what(t), objects.human(ttl_limit)])
}

deny contains {"msg": msg, "_loc": t.period._loc, "severity": "high"} if {
	some t in input.token
	set(t, "period")
	not set(t, "explicit_max_ttl")
	not set(t, "role_name")
	msg := sprintf("%s is periodic (period = %v) without an explicit_max_ttl: it can be renewed forever", [what(t), shown(t.period)])
}

set(t, key) if objects.set(t[key])

# shown is a value as written: its source text when not statically known.
shown(a) := a.value if a.known
else := a.text

what(t) := sprintf("token %q", [t._name]) if {
	t._name != ""
} else := "a token"
