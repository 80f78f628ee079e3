# METADATA
# title: Transit key can leave Vault
# description: |
#   Transit's point is that keys never leave Vault. exportable=true lets
#   anyone with read on transit/export/... take the key material, and
#   allow_plaintext_backup=true lets a backup hold it unencrypted. Both are
#   one-way: Vault refuses to turn them off again on an existing key.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/api-docs/secret/transit#exportable
#   - ref: https://developer.hashicorp.com/vault/api-docs/secret/transit#allow_plaintext_backup
# custom:
#   id: VG-TRN-001
#   severity: high
#   kinds: [transit_key]
#   remediation: Create keys without exportable and allow_plaintext_backup; if key material must be shared, use BYOK import/export with wrapping, and rotate to a new non-exportable key.
package vaultguard.rules.transit.key_export

import data.vaultguard.lib.objects

deny contains {"msg": msg, "_loc": a._loc} if {
	some k in input.transit_key
	some f in ["exportable", "allow_plaintext_backup"]
	a := k[f]
	a.bool == true
	msg := sprintf("transit key %q sets %s = true: its key material can leave Vault, and this cannot be undone on the key", [objects.name(k), f])
}
