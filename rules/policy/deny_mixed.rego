# METADATA
# title: "deny listed with other capabilities"
# description: |
#   A capabilities list that contains deny grants nothing: Vault discards
#   every other capability in the list. Listing them anyway suggests the
#   author expected the block to grant something.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/policies#capabilities
# custom:
#   id: VG-POL-021
#   severity: low
#   kinds: [policy]
#   remediation: "Write capabilities = [\"deny\"] alone, or remove deny if the block is meant to grant access."
package vaultguard.rules.policy.deny_mixed


deny contains {"msg": msg, "_loc": p.capabilities_attr._loc} if {
	some pol in input.policy
	some p in pol.paths
	"deny" in p.written
	others := {c | some c in p.written; c != "deny"}
	count(others) > 0
	msg := sprintf("path %q lists deny with %s: Vault discards them and the block only denies", [p.path, concat(", ", sort(others))])
}
