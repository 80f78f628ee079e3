# METADATA
# title: Transit key can be deleted
# description: |
#   deletion_allowed=true lets anyone with delete on transit/keys/NAME
#   destroy the key, and with it every ciphertext encrypted under it. Vault
#   refuses to delete keys unless this is set, so leaving it on keeps that
#   door open.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/api-docs/secret/transit#deletion_allowed
# custom:
#   id: VG-TRN-002
#   severity: medium
#   kinds: [transit_key]
#   remediation: Leave deletion_allowed false and set it only in the change that actually retires the key.
package vaultguard.rules.transit.deletion_allowed

import data.vaultguard.lib.objects

deny contains {"msg": msg, "_loc": a._loc} if {
	some k in input.transit_key
	a := k.deletion_allowed
	a.bool == true
	msg := sprintf("transit key %q sets deletion_allowed = true: deleting it destroys every ciphertext made with it", [objects.name(k)])
}
