# METADATA
# title: "Storage credentials written in the config file"
# description: |
#   A Consul ACL token, a database password inside connection_url or as
#   password, or a cloud secret key written into storage, ha_storage or
#   service_registration ends up in config management, backups and every
#   copy of the file. The production hardening guide asks for no clear-text
#   credentials in configuration: use the backend's environment variables or
#   instance identity.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/production-hardening
# custom:
#   id: VG-SRV-021
#   severity: high
#   kinds: [server_config]
#   remediation: "Move the credential to the backend's environment variable (CONSUL_HTTP_TOKEN, AWS_SECRET_ACCESS_KEY, ...) or use instance/workload identity, and rotate it."
package vaultguard.rules.server.storage_inline_credentials

import data.vaultguard.lib

secret_keys := {"token", "password", "secret_key", "account_key", "accountkey", "session_token", "client_secret", "secret_access_key", "connection_string"}

deny contains {"msg": msg, "_loc": a._loc} if {
	some cfg in input.server_config
	some section in ["storage", "ha_storage", "service_registration"]
	some s in cfg[section]
	some key, a in s
	lower(key) in secret_keys
	a.known
	is_string(a.value)
	a.value != ""
	not startswith(a.value, "${")
	msg := sprintf("%s %q sets %s in the file: a credential in clear text", [section, s._type, key])
}

deny contains {"msg": msg, "_loc": s.connection_url._loc} if {
	some cfg in input.server_config
	some section in ["storage", "ha_storage"]
	some s in cfg[section]
	regex.match(`://[^/@:]+:[^/@]+@`, s.connection_url.value)
	msg := sprintf("%s %q: connection_url embeds a password", [section, s._type])
}
