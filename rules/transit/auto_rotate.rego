# METADATA
# title: Transit key is never rotated automatically
# description: |
#   Without auto_rotate_period (or with 0) a transit key is rotated only
#   when someone remembers to; every ciphertext ever made stays under one
#   key version. Vault rotates on the period and keeps old versions for
#   decryption.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/api-docs/secret/transit#auto_rotate_period
# custom:
#   id: VG-TRN-003
#   severity: low
#   kinds: [transit_key]
#   remediation: Set auto_rotate_period (e.g. 30d; the minimum is 1h) and rewrap stored ciphertexts periodically.
package vaultguard.rules.transit.auto_rotate

import data.vaultguard.lib.objects

deny contains {"msg": msg, "_loc": k._loc} if {
	some k in input.transit_key
	not k.auto_rotate_period
	msg := sprintf("transit key %q has no auto_rotate_period: it is never rotated automatically", [objects.name(k)])
}

deny contains {"msg": msg, "_loc": a._loc} if {
	some k in input.transit_key
	a := k.auto_rotate_period
	a.seconds == 0
	msg := sprintf("transit key %q sets auto_rotate_period = %v: automatic rotation is off", [objects.name(k), a.value])
}
