# METADATA
# title: sudo on a glob or on sys/
# description: |
#   sudo unlocks root-protected endpoints (sys/audit, sys/auth, sys/raw,
#   auth/token/create-orphan, sys/rotate...). Granted on a glob or anywhere
#   under sys/ it reaches endpoints nobody listed on purpose.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/policies#root-protected-api-endpoints
# custom:
#   id: VG-POL-003
#   severity: high
#   kinds: [policy]
#   remediation: Grant sudo only on the exact root-protected paths an operator role needs, never on a glob.
package vaultguard.rules.policy.sudo_glob

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": p._loc} if {
	some pol in input.policy
	some p in pol.paths
	"sudo" in p.capabilities
	reason := why(p.path)
	msg := sprintf("path %q grants sudo %s", [p.path, reason])
}

why(path) := "on a glob: every root-protected endpoint it matches is unlocked" if lib.is_glob(path)

why(path) := "under sys/: root-protected system endpoints are unlocked" if {
	not lib.is_glob(path)
	startswith(path, "sys/")
}
