# METADATA
# title: "In-flight requests visible without a token"
# description: |
#   A tcp listener with inflight_requests_logging {
#   unauthenticated_in_flight_requests_access = true }: sys/in-flight-req
#   then lists the requests Vault is serving, with client addresses and
#   paths, to anyone who can reach the listener.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration/listener/tcp#unauthenticated_in_flight_requests_access
# custom:
#   id: VG-SRV-014
#   severity: medium
#   kinds: [server_config]
#   remediation: "Remove unauthenticated_in_flight_requests_access and scrape or inspect with a token whose policy allows only that endpoint."
package vaultguard.rules.server.unauthenticated_inflight

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": b.unauthenticated_in_flight_requests_access._loc} if {
	some cfg in input.server_config
	some l in cfg.listener
	some b in l.inflight_requests_logging
	b.unauthenticated_in_flight_requests_access.bool
	msg := "unauthenticated_in_flight_requests_access is true on the listener: the endpoint answers without a token"
}
