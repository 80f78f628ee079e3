# METADATA
# title: "Responses reveal node names"
# description: |
#   enable_response_header_hostname and enable_response_header_raft_node_id
#   add the serving node's hostname and raft node ID to every response,
#   handing internal naming to any client, authenticated or not.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration#enable_response_header_hostname
# custom:
#   id: VG-SRV-026
#   severity: low
#   kinds: [server_config]
#   remediation: "Remove these settings outside troubleshooting; correlate requests through the audit log instead."
package vaultguard.rules.server.response_header_leak

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": cfg[key]._loc} if {
	some cfg in input.server_config
	some key in ["enable_response_header_hostname", "enable_response_header_raft_node_id"]
	cfg[key].bool
	msg := sprintf("%s = true reveals internal node names in every response", [key])
}
