# METADATA
# title: Periodic tokens without an explicit max TTL
# description: |
#   A periodic token (token_period) can be renewed forever as long as it
#   is renewed within each period: max TTLs do not apply to it. Only
#   token_explicit_max_ttl puts an end to it. A leaked periodic token
#   without one never dies on its own.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/tokens#periodic-tokens
# custom:
#   id: VG-AUTH-005
#   severity: medium
#   kinds: [approle_role, token_role, auth_role]
#   remediation: Set token_explicit_max_ttl on the role (the longest a workload may run without logging in again), or drop token_period.
package vaultguard.rules.auth.token_period

import data.vaultguard.lib.objects

deny contains {"msg": msg, "_loc": p._loc} if {
	some role in objects.roles
	p := objects.field(role, "token_period")
	objects.set(p)
	not objects.set(object.get(role, "token_explicit_max_ttl", object.get(role, "explicit_max_ttl", {"known": true, "value": ""})))
	msg := sprintf("%s %q sets token_period without token_explicit_max_ttl: its tokens can be renewed forever", [objects.kind_label(role), objects.name(role)])
}
