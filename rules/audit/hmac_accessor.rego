# METADATA
# title: Audit device writes token accessors in clear
# description: |
#   hmac_accessor=false writes token accessors unhashed. Both sides: it is
#   what HashiCorp's audit guidance suggests so that operators can look up
#   and revoke a token seen in the log (vault token revoke -accessor) during
#   an incident; but whoever reads the log, and holds a policy on
#   auth/token/lookup-accessor or revoke-accessor, can then look up or
#   revoke any logged token. Accessors cannot read secrets. Informational.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/audit#common-configuration-options
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/tokens#token-accessors
# custom:
#   id: VG-AUD-002
#   severity: info
#   kinds: [audit_device]
#   remediation: Keep it if incident responders need accessors from the log, and restrict who can read the log and who holds auth/token/*-accessor capabilities; otherwise remove hmac_accessor=false.
package vaultguard.rules.audit.hmac_accessor

import data.vaultguard.lib.objects

deny contains {"msg": msg, "_loc": a._loc} if {
	some d in input.audit_device
	a := d.hmac_accessor
	a.bool == false
	msg := sprintf("audit device %q sets hmac_accessor = false: token accessors are logged in clear (useful to revoke tokens during an incident; limit who reads the log and who may use accessors)", [objects.name(d)])
}
