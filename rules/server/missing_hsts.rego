# METADATA
# title: "TLS listener without an HSTS header"
# description: |
#   The production hardening guide asks for HTTP Strict Transport Security
#   through custom_response_headers, so that browsers using the UI never
#   fall back to plain HTTP. This listener is reachable from other hosts and
#   sets no Strict-Transport-Security header.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/production-hardening
# custom:
#   id: VG-SRV-018
#   severity: low
#   kinds: [server_config]
#   remediation: "Add custom_response_headers { \"default\" = { \"Strict-Transport-Security\" = [\"max-age=31536000; includeSubDomains\"] } } to the listener."
package vaultguard.rules.server.missing_hsts

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": l._loc} if {
	some cfg in input.server_config
	some l in cfg.listener
	l._type == "tcp"
	not l.tls_disable.bool
	not lib.is_loopback(lib.listener_address(l))
	not has_hsts(l)
	msg := "TLS listener sets no Strict-Transport-Security header in custom_response_headers"
}

has_hsts(l) if {
	some h in l.custom_response_headers
	walk(h, [path, _])
	count(path) > 0
	key := path[count(path) - 1]
	is_string(key)
	lower(key) == "strict-transport-security"
}
