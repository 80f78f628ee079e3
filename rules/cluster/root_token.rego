# METADATA
# title: A root token is still valid
# description: |
#   A root token can do anything, cannot be limited by any policy and, as
#   the one `operator init` prints, never expires. HashiCorp's guidance is
#   to create one only when needed (`vault operator generate-root`) and
#   revoke it as soon as the task is done. Found by looking every token
#   accessor up (auth/token/accessors needs sudo, lookup-accessor update);
#   not reported when the token may not.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/tokens#root-tokens
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/production-hardening#revoke-root-tokens
# custom:
#   id: VG-CLU-003
#   severity: high
#   kinds: [cluster]
#   remediation: Revoke it (`vault token revoke -accessor ACCESSOR`) and generate a root token only for the task that needs one.
package vaultguard.rules.cluster.root_token

deny contains {"msg": msg, "_loc": t._loc} if {
	some c in input.cluster
	some t in c.root_token
	msg := sprintf("root token %s (accessor %s, created by %s) is still valid%s", [name(t), t.accessor.value, created(t), expiry(t)])
}

name(t) := sprintf("%q", [t.display_name.value]) if t.display_name.value != ""
else := "(no display name)"

created(t) := t.path.value if t.path.value != ""
else := "an unknown path"

expiry(t) := ", and never expires" if not t.expire_time
else := sprintf(", until %s", [t.expire_time.value])
