# METADATA
# title: "AppRole secret IDs issued without response wrapping"
# description: |
#   A token that can write auth/<approle>/role/<name>/secret-id receives the
#   secret ID in clear in the response, where CI logs and shells keep it.
#   min_wrapping_ttl makes wrapping mandatory: the secret ID is delivered as
#   a single-use wrapping token, so interception is detected.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/policies#required-response-wrapping-ttls
# custom:
#   id: VG-POL-025
#   severity: low
#   kinds: [policy]
#   remediation: "Add min_wrapping_ttl = \"1s\" (and a short max_wrapping_ttl such as \"90s\") to the block, as the policies documentation shows."
package vaultguard.rules.policy.secret_id_unwrapped

import data.vaultguard.acl

deny contains {"msg": msg, "_loc": p._loc} if {
	some pol in input.policy
	some p in pol.paths
	endswith(p.path, "/secret-id") # cheap: most paths are not
	segs := split(acl.norm(p.path), "/")
	count(segs) == 5
	segs[0] == "auth"
	segs[2] == "role"
	segs[4] == "secret-id"
	count([c | some c in p.capabilities; c in {"create", "update"}]) > 0
	not p.min_wrapping_ttl
	msg := sprintf("path %q issues AppRole secret IDs without min_wrapping_ttl: they come back unwrapped", [p.path])
}
