# METADATA
# title: "The default policy grants more than Vault's built-in one"
# description: |
#   The default policy is attached to every token unless it is created with
#   no_default_policy: every AppRole login, every user, every child token. A
#   path added to it is granted to all of them at once.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/policies#default-policy
# custom:
#   id: VG-POL-027
#   severity: high
#   kinds: [policy]
#   remediation: "Move the path into a named policy attached only to the roles that need it; keep default close to Vault's built-in content."
package vaultguard.rules.policy.default_policy_broadened

import data.vaultguard.acl

deny contains {"msg": msg, "_loc": p._loc} if {
	some pol in input.policy
	pol.name == "default"
	some p in pol.paths
	acl.grants(p)
	not acl.norm(p.path) in acl.default_paths
	msg := sprintf("the default policy grants %s on %q: every token without no_default_policy gets it", [concat(", ", p.capabilities), p.path])
}
