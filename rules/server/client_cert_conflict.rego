# METADATA
# title: "Contradictory client certificate settings"
# description: |
#   tls_require_and_verify_client_cert = true and tls_disable_client_certs =
#   true are mutually exclusive: Vault refuses to start the listener (and
#   vault operator diagnose reports it). One of them is not what the
#   operator meant.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration/listener/tcp#tls_require_and_verify_client_cert
# custom:
#   id: VG-SRV-009
#   severity: high
#   kinds: [server_config]
#   remediation: "Keep tls_require_and_verify_client_cert = true with a tls_client_ca_file if clients must present certificates; otherwise remove it."
package vaultguard.rules.server.client_cert_conflict

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": l._loc} if {
	some cfg in input.server_config
	some l in cfg.listener
	l.tls_require_and_verify_client_cert.bool
	l.tls_disable_client_certs.bool
	msg := "tls_require_and_verify_client_cert and tls_disable_client_certs are both true: Vault rejects this listener"
}
