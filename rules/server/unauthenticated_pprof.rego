# METADATA
# title: "pprof profiling without a token"
# description: |
#   A tcp listener with profiling { unauthenticated_pprof_access = true }:
#   sys/pprof then serves Go profiles, heap dumps included, to anyone who
#   can reach the listener: heap contents can hold secrets in memory, and
#   CPU profiling is a cheap denial of service.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration/listener/tcp#unauthenticated_pprof_access
# custom:
#   id: VG-SRV-013
#   severity: high
#   kinds: [server_config]
#   remediation: "Remove unauthenticated_pprof_access and scrape or inspect with a token whose policy allows only that endpoint."
package vaultguard.rules.server.unauthenticated_pprof

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": b.unauthenticated_pprof_access._loc} if {
	some cfg in input.server_config
	some l in cfg.listener
	some b in l.profiling
	b.unauthenticated_pprof_access.bool
	msg := "unauthenticated_pprof_access is true on the listener: the endpoint answers without a token"
}
