# METADATA
# title: Long or default lease TTLs
# description: |
#   default_lease_ttl and max_lease_ttl bound how long every token and
#   dynamic secret lives unless a mount or role says otherwise. Left unset,
#   both are 768h (32 days): a leaked credential stays valid for a month.
#   Thresholds are configurable (thresholds.default_lease_ttl and
#   thresholds.max_lease_ttl, defaults 1h and 24h).
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration#default_lease_ttl
# custom:
#   id: VG-SRV-007
#   severity: medium
#   kinds: [server_config]
#   remediation: Set default_lease_ttl (e.g. "1h") and max_lease_ttl (e.g. "24h") at the top level of the server config, and override per mount where longer is needed.
package vaultguard.rules.server.lease_ttl

thresholds := data.vaultguard.config.thresholds

deny contains {"msg": msg, "_loc": cfg._loc} if {
	some cfg in input.server_config
	not cfg._partial
	some key in ["default_lease_ttl", "max_lease_ttl"]
	not cfg[key]
	msg := sprintf("%s is not set: Vault defaults it to 768h (32 days); set it to at most %s", [key, human(thresholds[key])])
}

deny contains {"msg": msg, "_loc": cfg[key]._loc} if {
	some cfg in input.server_config
	some key in ["default_lease_ttl", "max_lease_ttl"]
	cfg[key].seconds > thresholds[key]
	msg := sprintf("%s = %v is above the %s limit", [key, cfg[key].value, human(thresholds[key])])
}

human(s) := sprintf("%dh", [s / 3600]) if s % 3600 == 0
else := sprintf("%ds", [s])
