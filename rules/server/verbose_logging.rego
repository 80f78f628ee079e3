# METADATA
# title: "Server log level trace or debug"
# description: |
#   log_level trace or debug logs request details, plugin chatter and
#   internal state that help an attacker who reads the logs, and fills
#   disks. Use it for a debugging session, not as the standing
#   configuration.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration#log_level
# custom:
#   id: VG-SRV-025
#   severity: low
#   kinds: [server_config]
#   remediation: "Set log_level = \"info\" (the default) or \"warn\"; raise it temporarily with vault monitor when debugging."
package vaultguard.rules.server.verbose_logging

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": cfg.log_level._loc} if {
	some cfg in input.server_config
	lower(cfg.log_level.value) in {"trace", "debug"}
	msg := sprintf("log_level = %q logs internal detail for every request", [cfg.log_level.value])
}
