# METADATA
# title: AppRole secret IDs never expire or live long
# description: |
#   secret_id_ttl bounds how long a secret ID can be used. Vault's default,
#   0, means a secret ID never expires, so one leaked months ago still logs
#   in. The limit is configurable (thresholds.secret_id_ttl, default 24h).
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/api-docs/auth/approle#secret_id_ttl
# custom:
#   id: VG-AUTH-002
#   severity: high
#   kinds: [approle_role]
#   remediation: Set secret_id_ttl to the time between issuing a secret ID and using it (minutes for a CI job, at most 24h).
package vaultguard.rules.auth.secret_id_ttl

import data.vaultguard.lib.objects

limit := objects.threshold("secret_id_ttl")

deny contains {"msg": msg, "_loc": role._loc} if {
	some role in input.approle_role
	not role.secret_id_ttl
	not role.bind_secret_id.bool == false
	msg := sprintf("AppRole role %q does not set secret_id_ttl: Vault's default 0 means secret IDs never expire; set at most %s", [objects.name(role), objects.human(limit)])
}

deny contains {"msg": msg, "_loc": a._loc} if {
	some role in input.approle_role
	a := role.secret_id_ttl
	a.seconds == 0
	not role.bind_secret_id.bool == false
	msg := sprintf("AppRole role %q: secret_id_ttl = %v means secret IDs never expire; set at most %s", [objects.name(role), objects.written(a), objects.human(limit)])
}

deny contains {"msg": msg, "_loc": a._loc} if {
	some role in input.approle_role
	a := role.secret_id_ttl
	a.seconds > limit
	msg := sprintf("AppRole role %q: secret_id_ttl = %v is above the %s limit", [objects.name(role), objects.written(a), objects.human(limit)])
}
