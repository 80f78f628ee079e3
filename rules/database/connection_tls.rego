# METADATA
# title: Database connection without TLS
# description: |
#   sslmode=disable in a connection URL sends the root credentials Vault
#   uses, and every statement creating a user with its password, to the
#   database in clear text.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/secrets/databases/postgresql
# custom:
#   id: VG-DB-004
#   severity: high
#   kinds: [database_connection]
#   remediation: Use sslmode=verify-full (PostgreSQL) or the plugin's TLS options with a CA certificate.
package vaultguard.rules.database.connection_tls

import data.vaultguard.lib.objects

deny contains {"msg": msg, "_loc": a._loc} if {
	some c in input.database_connection
	a := c.connection_url
	a.known
	regex.match(`(?i)[?&]sslmode=disable\b`, a.value)
	msg := sprintf("database connection %q: connection_url sets sslmode=disable, so credentials and statements cross the network in clear text", [objects.name(c)])
}
