# METADATA
# title: TLS 1.0 or 1.1 allowed
# description: |
#   tls_min_version (or tls_max_version) set to tls10 or tls11 lets clients
#   negotiate protocol versions that are deprecated (RFC 8996) and widely
#   considered insecure. Vault's default minimum is tls12.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration/listener/tcp#tls_min_version
# custom:
#   id: VG-SRV-004
#   severity: high
#   kinds: [server_config]
#   remediation: Set tls_min_version = "tls12" (or "tls13" when every client supports it), or remove it to use Vault's default.
package vaultguard.rules.server.tls_min_version

weak := {"tls10", "tls11"}

deny contains {"msg": msg, "_loc": l[key]._loc} if {
	some cfg in input.server_config
	some l in cfg.listener
	some key in ["tls_min_version", "tls_max_version"]
	lower(l[key].value) in weak
	msg := sprintf("%s = %q allows deprecated TLS versions below 1.2", [key, l[key].value])
}
