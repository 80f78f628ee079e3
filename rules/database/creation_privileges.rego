# METADATA
# title: Database role creates over-privileged users
# description: |
#   The creation statements run for every credential Vault hands out. A
#   user created with SUPERUSER, ALL PRIVILEGES (GRANT ALL) or WITH GRANT
#   OPTION can read and change everything, or grant itself and others more:
#   one leaked lease becomes the whole database.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/secrets/databases/postgresql#setup
#   - ref: https://developer.hashicorp.com/vault/docs/internals/security
# custom:
#   id: VG-DB-002
#   severity: high
#   kinds: [database_role]
#   remediation: Grant the generated user only the privileges the application needs (GRANT SELECT ON ... TO "{{name}}"), or better, GRANT an existing least-privilege group role.
package vaultguard.rules.database.creation_privileges

import data.vaultguard.lib.objects

grants := [
	{"re": `(?i)\bsuperuser\b`, "what": "SUPERUSER"},
	{"re": `(?i)\ball\s+privileges\b`, "what": "ALL PRIVILEGES"},
	{"re": `(?i)\bgrant\s+all\s+(on|to)\b`, "what": "ALL PRIVILEGES"},
	{"re": `(?i)\bwith\s+grant\s+option\b`, "what": "WITH GRANT OPTION"},
	{"re": `(?i)\bwith\s+admin\s+option\b`, "what": "WITH ADMIN OPTION"},
]

deny contains {"msg": msg, "_loc": a._loc} if {
	some role in input.database_role
	a := role.creation_statements
	a.known
	found := {g.what |
		some g in grants
		some s in statements(a.value)
		regex.match(g.re, s)
	}
	count(found) > 0
	msg := sprintf("database role %q creates users with %s", [objects.name(role), concat(", ", sort(found))])
}

statements(v) := v if is_array(v)

statements(v) := [v] if is_string(v)
