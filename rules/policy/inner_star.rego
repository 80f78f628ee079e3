# METADATA
# title: Glob star in the middle of a policy path
# description: |
#   Vault treats "*" as a glob only as the last character of a path. Anywhere
#   else it is matched literally, so `secret/*/config` matches only a path
#   that really contains a "*" segment: the block silently grants nothing
#   its author intended (hashicorp/vault#10669).
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/policies#policy-syntax
# custom:
#   id: VG-POL-002
#   severity: medium
#   kinds: [policy]
#   remediation: Use "+" to match exactly one path segment (secret/+/config), or move the "*" to the end.
package vaultguard.rules.policy.inner_star

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": p._loc} if {
	some pol in input.policy
	some p in pol.paths
	contains(p.path, "*") # most paths have none: one builtin call rejects them
	lib.has_inner_star(p.path)
	msg := sprintf("path %q: a \"*\" before the end is matched literally, not as a wildcard; use \"+\" for one segment", [p.path])
}
