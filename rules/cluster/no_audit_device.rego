# METADATA
# title: No audit device enabled
# description: |
#   With no audit device enabled Vault records nothing: no request, no
#   login, no denied attempt. There is no trail to investigate an incident
#   with, and nothing tells that a secret was read. Only the live view can
#   tell (sys/audit); a Terraform module without vault_audit is VG-AUD-004.
#   Not reported when the token may not read sys/audit.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/audit
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/production-hardening#enable-auditing
# custom:
#   id: VG-CLU-001
#   severity: critical
#   kinds: [cluster]
#   remediation: Enable two audit devices (e.g. `vault audit enable file file_path=/var/log/vault/audit.log` and a socket or syslog device) so that one failing does not block or lose requests.
package vaultguard.rules.cluster.no_audit_device

deny contains {"msg": msg, "_loc": a._loc} if {
	some c in input.cluster
	a := c.audit_devices
	a.value == 0
	msg := "no audit device is enabled: Vault records no request, login or denial"
}
