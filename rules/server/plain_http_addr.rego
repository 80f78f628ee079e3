# METADATA
# title: "api_addr or cluster_addr over plain http"
# description: |
#   api_addr is the address Vault advertises for client redirection and
#   request forwarding; cluster_addr the one for server-to-server traffic. A
#   plain http:// address on a non-loopback host sends tokens and secrets in
#   clear wherever clients follow it.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration#api_addr
# custom:
#   id: VG-SRV-023
#   severity: medium
#   kinds: [server_config]
#   remediation: "Advertise https:// addresses that match the TLS listener."
package vaultguard.rules.server.plain_http_addr

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": cfg[key]._loc} if {
	some cfg in input.server_config
	some key in ["api_addr", "cluster_addr"]
	lib.is_http_remote(cfg[key].value)
	msg := sprintf("%s = %q is plain http to a remote host", [key, cfg[key].value])
}
