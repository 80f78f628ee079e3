# METADATA
# title: PostgreSQL role without VALID UNTIL
# description: |
#   Vault revokes a database user when its lease ends, but only if the
#   revocation reaches the database. A PostgreSQL role created with
#   VALID UNTIL '{{expiration}}' stops logging in at the lease's end even
#   when revocation fails (database unreachable, Vault restored from an
#   old snapshot). Checked on PostgreSQL-style statements (CREATE ROLE, or
#   CREATE USER "{{name}}"); MySQL, MSSQL, Oracle and others have no such
#   clause.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/secrets/databases/postgresql#setup
# custom:
#   id: VG-DB-003
#   severity: medium
#   kinds: [database_role]
#   remediation: Add VALID UNTIL '{{expiration}}' to the CREATE ROLE statement.
package vaultguard.rules.database.valid_until

import data.vaultguard.lib.objects

deny contains {"msg": msg, "_loc": a._loc} if {
	some role in input.database_role
	a := role.creation_statements
	a.known
	text := concat("\n", statements(a.value))
	postgres_style(text)
	not regex.match(`(?i)valid\s+until\s+'\{\{\s*expiration\s*\}\}'`, text)
	not other_plugin(role)
	msg := sprintf("database role %q creates PostgreSQL users without VALID UNTIL '{{expiration}}': they outlive a failed revocation", [objects.name(role)])
}

postgres_style(text) if regex.match(`(?i)\bcreate\s+role\b`, text)

postgres_style(text) if regex.match(`(?i)\bcreate\s+user\s+"\{\{\s*name\s*\}\}"`, text)

# The connection the role uses, when it is in the same input, names the plugin.
other_plugin(role) if {
	some c in input.database_connection
	c._name == role.db_name.value
	plugin := lower(concat(" ", [object.get(c, "_plugin", ""), object.get(object.get(c, "plugin_name", {}), "value", "")]))
	plugin != " "
	not contains(plugin, "postgres")
	not contains(plugin, "redshift")
}

statements(v) := v if is_array(v)

statements(v) := [v] if is_string(v)
