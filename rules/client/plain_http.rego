# METADATA
# title: Client talks to Vault over plain HTTP
# description: |
#   A Vault address with http:// sends the client's token, and every
#   secret read or written, in clear text. Loopback addresses (localhost,
#   127.0.0.0/8, ::1) stay on the host and are not reported.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/commands#vault_addr
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/production-hardening#end-to-end-tls
# custom:
#   id: VG-CLI-002
#   severity: high
#   kinds: [provider]
#   remediation: Use an https:// address with a certificate the client verifies.
package vaultguard.rules.client.plain_http

import data.vaultguard.lib.objects

deny contains {"msg": msg, "_loc": a._loc} if {
	some p in input.provider
	a := p.address
	a.known
	startswith(lower(a.value), "http://")
	host := objects.url_host(a.value)
	not objects.is_loopback_host(host)
	msg := sprintf("Vault address %q uses plain HTTP to a host other than this one: tokens and secrets cross the network in clear text", [a.value])
}
