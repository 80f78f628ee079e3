# METADATA
# title: "Metrics readable without a token"
# description: |
#   A tcp listener with telemetry { unauthenticated_metrics_access = true }:
#   sys/metrics then answers anyone who can reach the listener: mount paths,
#   request rates, token counts and lease counts that map the deployment for
#   an attacker.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration/listener/tcp#unauthenticated_metrics_access
# custom:
#   id: VG-SRV-012
#   severity: medium
#   kinds: [server_config]
#   remediation: "Remove unauthenticated_metrics_access and scrape or inspect with a token whose policy allows only that endpoint."
package vaultguard.rules.server.unauthenticated_metrics

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": b.unauthenticated_metrics_access._loc} if {
	some cfg in input.server_config
	some l in cfg.listener
	some b in l.telemetry
	b.unauthenticated_metrics_access.bool
	msg := "unauthenticated_metrics_access is true on the listener: the endpoint answers without a token"
}
