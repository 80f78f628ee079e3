# METADATA
# title: Script disables an audit device
# description: |
#   `vault audit disable` stops recording requests to that device; if it
#   is the only one, Vault serves requests with no record at all, and
#   anything done afterwards cannot be traced. Disabling audit in
#   automation is also how an attacker covers their tracks, so it should
#   stand out in review.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/commands/audit/disable
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/production-hardening#enable-auditing
# custom:
#   id: VG-AUD-003
#   severity: high
#   kinds: [audit_device]
#   remediation: Enable the replacement device before disabling the old one, and do it by hand with review rather than in a script.
package vaultguard.rules.audit.audit_disable

deny contains {"msg": msg, "_loc": d._loc} if {
	some d in input.audit_device
	d._action == "disable"
	msg := sprintf("the script disables audit device %q: requests to it stop being recorded", [object.get(d, "_name", "")])
}
