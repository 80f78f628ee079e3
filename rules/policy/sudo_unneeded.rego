# METADATA
# title: "sudo on a path that is not root-protected"
# description: |
#   sudo only matters on root-protected endpoints (and on token creation,
#   where it lifts the policy-subset and orphan checks). On any other exact
#   path it does nothing today, but it is a standing grant that starts to
#   count if the path ever becomes root-protected, and it hides which grants
#   are really privileged.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/policies#root-protected-api-endpoints
# custom:
#   id: VG-POL-024
#   severity: low
#   kinds: [policy]
#   remediation: "Remove sudo from the capabilities."
package vaultguard.rules.policy.sudo_unneeded

import data.vaultguard.acl

deny contains {"msg": msg, "_loc": p._loc} if {
	some pol in input.policy
	some p in pol.paths
	"sudo" in p.capabilities
	path := acl.norm(p.path)
	acl.kind(path) == "exact"
	not startswith(path, "sys/")
	not startswith(path, "auth/token/create")
	not acl.is_root_protected(path)
	not has_template(path)
	msg := sprintf("path %q grants sudo, but it is not a root-protected endpoint: sudo has no effect here", [p.path])
}

has_template(path) if contains(path, "{{")
