# METADATA
# title: Database credentials live long
# description: |
#   A database role's default_ttl is how long each generated database user
#   lives, and max_ttl how long lease renewals can stretch it. Without a
#   max_ttl (or with 0) the mount's and then the system's max applies,
#   768h (32 days) out of the box. Limits are configurable
#   (thresholds.database_default_ttl, default 1h, and
#   thresholds.database_max_ttl, default 24h).
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/api-docs/secret/databases#create-role
# custom:
#   id: VG-DB-001
#   severity: medium
#   kinds: [database_role]
#   remediation: Set default_ttl (e.g. 1h) and max_ttl (e.g. 24h) on the role.
package vaultguard.rules.database.role_ttl

import data.vaultguard.lib.objects

default_limit := objects.threshold("database_default_ttl")

max_limit := objects.threshold("database_max_ttl")

deny contains {"msg": msg, "_loc": a._loc} if {
	some role in input.database_role
	a := role.default_ttl
	a.seconds > default_limit
	msg := sprintf("database role %q: default_ttl = %v is above the %s limit", [objects.name(role), objects.written(a), objects.human(default_limit)])
}

deny contains {"msg": msg, "_loc": a._loc} if {
	some role in input.database_role
	a := role.max_ttl
	a.seconds > max_limit
	msg := sprintf("database role %q: max_ttl = %v is above the %s limit", [objects.name(role), objects.written(a), objects.human(max_limit)])
}

deny contains {"msg": msg, "_loc": role._loc} if {
	some role in input.database_role
	not role.max_ttl
	msg := sprintf("database role %q does not set max_ttl: its credentials can be renewed up to the mount's max TTL, 768h by default; set at most %s", [objects.name(role), objects.human(max_limit)])
}

deny contains {"msg": msg, "_loc": a._loc} if {
	some role in input.database_role
	a := role.max_ttl
	a.seconds == 0
	msg := sprintf("database role %q: max_ttl = %v falls back to the mount's max TTL, 768h by default; set at most %s", [objects.name(role), objects.written(a), objects.human(max_limit)])
}
