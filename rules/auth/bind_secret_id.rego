# METADATA
# title: AppRole role does not require a secret ID
# description: |
#   With bind_secret_id=false the role ID alone logs in. A role ID is not a
#   secret (it is often baked into images and configs), so anything that
#   can reach Vault from an allowed CIDR gets the role's token.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/api-docs/auth/approle#bind_secret_id
# custom:
#   id: VG-AUTH-003
#   severity: high
#   kinds: [approle_role]
#   remediation: Keep bind_secret_id=true (the default) and deliver a single-use, short-lived secret ID to the client.
package vaultguard.rules.auth.bind_secret_id

import data.vaultguard.lib.objects

deny contains {"msg": msg, "_loc": a._loc} if {
	some role in input.approle_role
	a := role.bind_secret_id
	a.bool == false
	msg := sprintf("AppRole role %q sets bind_secret_id = false: the role ID alone logs in", [objects.name(role)])
}
