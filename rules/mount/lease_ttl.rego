# METADATA
# title: Mount tuned to long lease TTLs
# description: |
#   A mount's default_lease_ttl and max_lease_ttl (its tune settings,
#   vault_mount's *_lease_ttl_seconds, vault_auth_backend's tune block,
#   -default-lease-ttl / -max-lease-ttl) override the server's for every
#   token and secret under it. Limits are the server's thresholds
#   (thresholds.default_lease_ttl, default 1h, and thresholds.max_lease_ttl,
#   default 24h). Unset values inherit the server's, checked by VG-SRV-007.
#   A PKI mount's max_lease_ttl is the longest certificate it can issue
#   (a CA's lifetime, often years), so it is not held to the lease limit.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/api-docs/system/mounts#default_lease_ttl
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/production-hardening
# custom:
#   id: VG-MNT-001
#   severity: medium
#   kinds: [mount]
#   remediation: Tune the mount to default_lease_ttl 1h and max_lease_ttl 24h (or what the workload needs), and set TTLs on its roles.
package vaultguard.rules.mount.lease_ttl

import data.vaultguard.lib.objects

deny contains {"msg": msg, "_loc": a._loc} if {
	some m in input.mount
	some key in ["default_lease_ttl", "max_lease_ttl"]
	a := m[key]
	not pki_max(m, key)
	limit := objects.threshold(key)
	a.seconds > limit
	msg := sprintf("%s mount %q: %s = %v is above the %s limit", [object.get(m, "_class", ""), mount_name(m), key, objects.written(a), objects.human(limit)])
}

pki_max(m, "max_lease_ttl") if m.type.value == "pki"

mount_name(m) := m.path.value if m.path.known
else := objects.name(m)
