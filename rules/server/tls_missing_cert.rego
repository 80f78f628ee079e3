# METADATA
# title: TLS listener without certificate or key
# description: |
#   A tcp listener serves TLS unless tls_disable is set, and then needs both
#   tls_cert_file and tls_key_file; without them Vault refuses to start.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration/listener/tcp#tls_cert_file
# custom:
#   id: VG-SRV-003
#   severity: high
#   kinds: [server_config]
#   remediation: Set tls_cert_file (the certificate chain, leaf first) and tls_key_file on the listener.
package vaultguard.rules.server.tls_missing_cert

deny contains {"msg": msg, "_loc": l._loc} if {
	some cfg in input.server_config
	some l in cfg.listener
	l._type == "tcp"
	not l.tls_disable.bool
	missing := [k | some k in ["tls_cert_file", "tls_key_file"]; not l[k]]
	count(missing) > 0
	msg := sprintf("TLS listener has no %s: Vault will refuse to start", [concat(" or ", missing)])
}
