# METADATA
# title: Database password written in the configuration
# description: |
#   A password inside connection_url (postgres://user:secret@host) is
#   stored as part of the URL, which Vault returns on read and tools log;
#   Vault's templated form {{username}}:{{password}} keeps it in the
#   password field, which Vault never returns. In Terraform a literal
#   password is also kept in clear in the state and in version control.
#   The message never repeats the password.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/api-docs/secret/databases#connection_url
#   - ref: https://registry.terraform.io/providers/hashicorp/vault/latest/docs#best-practices
# custom:
#   id: VG-DB-005
#   severity: high
#   kinds: [database_connection]
#   remediation: Write connection_url with {{username}}:{{password}} placeholders, pass the password from a secret store (a sensitive variable, stdin), and rotate it with rotate-root after configuring.
package vaultguard.rules.database.connection_password

import data.vaultguard.lib.objects

deny contains {"msg": msg, "_loc": a._loc} if {
	some c in input.database_connection
	a := c.connection_url
	a.known
	m := regex.find_all_string_submatch_n(`^(?:[A-Za-z][A-Za-z0-9+.-]*://)?[^:/@?#\s]*:([^@/?#\s]*)@`, a.value, 1)
	pw := m[0][1]
	pw != ""
	not regex.match(`^\{\{\s*password\s*\}\}$`, pw)
	msg := sprintf("database connection %q: connection_url embeds a password; use {{username}}:{{password}} and the password field", [objects.name(c)])
}

deny contains {"msg": msg, "_loc": a._loc} if {
	some c in input.database_connection
	c._origin == "terraform"
	a := c.password
	a.known
	a.value != ""
	msg := sprintf("database connection %q: password is a literal in Terraform code, kept in clear in version control and in the state", [objects.name(c)])
}
