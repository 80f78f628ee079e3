# METADATA
# title: "Transit seal reached without TLS verification"
# description: |
#   A transit seal unwraps Vault's root key through another Vault. With
#   tls_skip_verify = true, or a plain http:// address to another host,
#   whoever sits on the path can impersonate that Vault or read the seal
#   token; vault operator diagnose warns about the same settings.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration/seal/transit
# custom:
#   id: VG-SRV-028
#   severity: high
#   kinds: [server_config]
#   remediation: "Use an https:// address with tls_ca_cert set and tls_skip_verify left false."
package vaultguard.rules.server.transit_seal_insecure

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": s.tls_skip_verify._loc} if {
	some cfg in input.server_config
	some s in cfg.seal
	s._type == "transit"
	s.tls_skip_verify.bool
	msg := "transit seal with tls_skip_verify = true: the unsealing Vault is not authenticated"
}

deny contains {"msg": msg, "_loc": s.address._loc} if {
	some cfg in input.server_config
	some s in cfg.seal
	s._type == "transit"
	lib.is_http_remote(s.address.value)
	msg := sprintf("transit seal address %q is plain http to another host", [s.address.value])
}
