# METADATA
# title: AppRole secret IDs are not single-use
# description: |
#   secret_id_num_uses is how many times one secret ID can be exchanged for
#   a token. Vault's default, 0, means unlimited: a secret ID copied from a
#   CI log or a process listing can be replayed for as long as it lives.
#   A secret ID delivered to exactly one process (response-wrapped, say)
#   should be good for exactly one login.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/api-docs/auth/approle#secret_id_num_uses
# custom:
#   id: VG-AUTH-001
#   severity: high
#   kinds: [approle_role]
#   remediation: Set secret_id_num_uses=1 on the role and issue a fresh (wrapped) secret ID for each login.
package vaultguard.rules.auth.secret_id_num_uses

import data.vaultguard.lib.objects

deny contains {"msg": msg, "_loc": role._loc} if {
	some role in input.approle_role
	not role.secret_id_num_uses
	not secret_id_off(role)
	msg := sprintf("AppRole role %q does not set secret_id_num_uses: Vault's default 0 lets each secret ID be used any number of times", [objects.name(role)])
}

deny contains {"msg": msg, "_loc": a._loc} if {
	some role in input.approle_role
	a := role.secret_id_num_uses
	a.known
	not secret_id_off(role)
	to_number(a.value) != 1
	msg := sprintf("AppRole role %q: secret_id_num_uses = %v %s; set it to 1", [objects.name(role), a.value, meaning(to_number(a.value))])
}

meaning(0) := "means unlimited uses"

meaning(n) := sprintf("lets each secret ID log in %v times", [n]) if n != 0

# With bind_secret_id=false no secret ID is asked for (VG-AUTH-003).
secret_id_off(role) if role.bind_secret_id.bool == false
