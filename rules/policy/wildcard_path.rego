# METADATA
# title: Wildcard path in a policy
# description: |
#   A trailing "*" or a "+" segment grants the capabilities on every path it
#   matches, today's and tomorrow's. Severity follows the breadth: "*", "+"
#   or a glob on the first segment is critical; a glob over a whole mount
#   ("secret/*", "secret/data/*") is critical with write capabilities and
#   high read-only; one level deeper is medium with write and low read-only;
#   anything narrower is low. cubbyhole/ is exempt: every token has its
#   own cubbyhole and Vault's built-in default policy grants cubbyhole/*.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/policies#policy-syntax
# custom:
#   id: VG-POL-001
#   severity: high
#   kinds: [policy]
#   remediation: List the exact paths the client needs (one path block per secret), or narrow the glob to the application's own prefix with read-only capabilities.
package vaultguard.rules.policy.wildcard_path

import data.vaultguard.acl
import data.vaultguard.lib

deny contains {"msg": msg, "_loc": p._loc, "severity": severity} if {
	some pol in input.policy
	some p in pol.paths
	p.glob
	lib.grants_any(p)
	not startswith(p.path, "cubbyhole/")
	not builtin_default(pol, p)
	depth := effective_depth(p.path)
	severity := grade(depth, lib.writes(p))
	msg := sprintf("path %q grants %s on %s", [p.path, concat(", ", p.capabilities), scope(p.path, depth)])
}

grade(0, _) := "critical"

grade(1, true) := "critical"

grade(1, false) := "high"

grade(2, true) := "medium"

grade(2, false) := "low"

grade(d, _) := "low" if d > 2

scope(_, 0) := "every path in Vault"

scope(path, 1) := "the paths of every auth method" if auth_glob(path)

scope(path, 1) := sprintf("every path of the %q mount", [mount(path)]) if not auth_glob(path)

auth_glob(path) if {
	startswith(path, "auth/")
	regex.match(`[+*]`, split(path, "/")[1])
}

scope(path, d) := sprintf("every path matching %q", [path]) if d > 1

mount(path) := concat("/", array.slice(split(path, "/"), 0, 2)) if startswith(path, "auth/")
else := split(path, "/")[0]

# The built-in default policy's own globs (sys/tools/hash/*, the OIDC
# authorize endpoint) are Vault's, not the author's: VG-POL-027 reports
# what a default policy adds beyond them.
builtin_default(pol, p) if {
	pol.name == "default"
	p.path in acl.default_paths
}

# A glob right after "auth/" spans every auth method: as broad as a
# whole mount, not as every path in Vault.
effective_depth(path) := 1 if {
	startswith(path, "auth/")
	lib.literal_depth(path) == 0
}
else := lib.literal_depth(path)
