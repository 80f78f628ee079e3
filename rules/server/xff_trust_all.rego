# METADATA
# title: "X-Forwarded-For trusted from any address"
# description: |
#   x_forwarded_for_authorized_addrs covering 0.0.0.0/0 or ::/0 lets any
#   client set the address Vault believes it comes from, and
#   x_forwarded_for_reject_not_authorized = false accepts the header from
#   unlisted hosts: CIDR-bound tokens and secret IDs, rate-limit quotas and
#   the audit log's remote_address all become spoofable.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration/listener/tcp#x_forwarded_for_authorized_addrs
# custom:
#   id: VG-SRV-015
#   severity: high
#   kinds: [server_config]
#   remediation: "List only the load balancers' addresses in x_forwarded_for_authorized_addrs and keep x_forwarded_for_reject_not_authorized at its default (true)."
package vaultguard.rules.server.xff_trust_all

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": l.x_forwarded_for_authorized_addrs._loc} if {
	some cfg in input.server_config
	some l in cfg.listener
	some cidr in lib.string_list(l.x_forwarded_for_authorized_addrs.value)
	cidr in {"0.0.0.0/0", "::/0"}
	msg := sprintf("x_forwarded_for_authorized_addrs includes %s: any client can choose the address Vault sees", [cidr])
}

deny contains {"msg": msg, "_loc": l.x_forwarded_for_reject_not_authorized._loc} if {
	some cfg in input.server_config
	some l in cfg.listener
	l.x_forwarded_for_authorized_addrs
	l.x_forwarded_for_reject_not_authorized.bool == false
	msg := "x_forwarded_for_reject_not_authorized = false accepts X-Forwarded-For from hosts outside the authorized list"
}
