# METADATA
# title: "Path block that grants nothing"
# description: |
#   A path block without capabilities (or with an empty list) and without
#   the legacy policy key grants nothing, yet as a pattern it still takes
#   part in priority matching: on the paths it matches it can hide a broader
#   grant, acting as an undocumented deny.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/policies#capabilities
# custom:
#   id: VG-POL-026
#   severity: low
#   kinds: [policy]
#   remediation: "List the capabilities the path needs, or write capabilities = [\"deny\"] if a deny is intended."
package vaultguard.rules.policy.no_capabilities


deny contains {"msg": msg, "_loc": p._loc} if {
	some pol in input.policy
	some p in pol.paths
	count(p.capabilities) == 0
	msg := sprintf("path %q grants no capability: it matches requests but allows nothing, an implicit deny", [p.path])
}
