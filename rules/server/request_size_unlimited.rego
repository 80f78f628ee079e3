# METADATA
# title: "Request size limit turned off"
# description: |
#   max_request_size below zero removes the listener's cap on request bodies
#   (32 MiB by default), so one client can make Vault buffer arbitrarily
#   large requests: an easy denial of service.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration/listener/tcp#max_request_size
# custom:
#   id: VG-SRV-032
#   severity: low
#   kinds: [server_config]
#   remediation: "Remove max_request_size or set a positive byte count."
package vaultguard.rules.server.request_size_unlimited

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": l.max_request_size._loc} if {
	some cfg in input.server_config
	some l in cfg.listener
	to_number(l.max_request_size.value) < 0
	msg := sprintf("max_request_size = %v turns off the request size limit", [l.max_request_size.value])
}
