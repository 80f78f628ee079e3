# METADATA
# title: Audit device logs secrets in clear
# description: |
#   log_raw=true turns off the HMAC of sensitive values in the audit log:
#   every token, password and secret read or written through Vault lands
#   in the log in clear text, readable by whoever reads the logs or the
#   system they are shipped to.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/audit#common-configuration-options
# custom:
#   id: VG-AUD-001
#   severity: critical
#   kinds: [audit_device]
#   remediation: Remove log_raw (it defaults to false); to correlate a value with the log, use /sys/audit-hash.
package vaultguard.rules.audit.log_raw

import data.vaultguard.lib.objects

deny contains {"msg": msg, "_loc": a._loc} if {
	some d in input.audit_device
	a := d.log_raw
	a.bool == true
	msg := sprintf("audit device %q sets log_raw = true: tokens and secrets are written to the audit log in clear text", [objects.name(d)])
}
