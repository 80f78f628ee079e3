# METADATA
# title: Only one audit device enabled
# description: |
#   Vault refuses to serve a request it cannot record in at least one audit
#   device. With a single device, a full disk or an unreachable socket
#   turns into an outage; if it is disabled "temporarily", nothing is
#   recorded. HashiCorp recommends at least two devices of different types.
#   Only the live view can count the enabled devices (sys/audit).
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/audit#blocked-audit-devices
#   - ref: https://developer.hashicorp.com/vault/docs/audit/best-practices
# custom:
#   id: VG-CLU-002
#   severity: medium
#   kinds: [cluster]
#   remediation: Enable a second audit device of another type (socket or syslog beside a file), so one failing neither blocks Vault nor loses the trail.
package vaultguard.rules.cluster.single_audit_device

deny contains {"msg": msg, "_loc": d._loc} if {
	some c in input.cluster
	c.audit_devices.value == 1
	some d in input.audit_device
	d._origin == "vault"
	msg := sprintf("only one audit device is enabled (%q): if it fails Vault blocks every request, if it is disabled nothing is recorded", [d._name])
}
