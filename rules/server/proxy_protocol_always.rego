# METADATA
# title: "PROXY protocol header trusted from anyone"
# description: |
#   proxy_protocol_behavior = "use_always" takes the client address from a
#   PROXY protocol header whatever host sent it, so any client can claim any
#   source address. allow_authorized (with proxy_protocol_authorized_addrs)
#   accepts it only from the load balancers.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration/listener/tcp#proxy_protocol_behavior
# custom:
#   id: VG-SRV-016
#   severity: high
#   kinds: [server_config]
#   remediation: "Use proxy_protocol_behavior = \"allow_authorized\" or \"deny_unauthorized\" with proxy_protocol_authorized_addrs listing the load balancers."
package vaultguard.rules.server.proxy_protocol_always

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": l.proxy_protocol_behavior._loc} if {
	some cfg in input.server_config
	some l in cfg.listener
	l.proxy_protocol_behavior.value == "use_always"
	msg := "proxy_protocol_behavior = \"use_always\" trusts a PROXY header from any host: client addresses are spoofable"
}
