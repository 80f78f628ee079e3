# METADATA
# title: "TLS capped at 1.2 or weak cipher suites"
# description: |
#   tls_max_version = "tls12" forbids TLS 1.3, whose cipher suites are all
#   forward-secret AEADs; tls_cipher_suites entries with CBC mode, RSA key
#   exchange, 3DES or RC4 allow suites without forward secrecy or with known
#   attacks. The production hardening guide asks for the safest algorithms
#   the clients support.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration/listener/tcp#tls_cipher_suites
# custom:
#   id: VG-SRV-008
#   severity: medium
#   kinds: [server_config]
#   remediation: "Remove tls_max_version (Vault's default allows TLS 1.3) and limit tls_cipher_suites to ECDHE suites with AES-GCM or ChaCha20-Poly1305."
package vaultguard.rules.server.tls_weak_ciphers

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": l.tls_max_version._loc} if {
	some cfg in input.server_config
	some l in cfg.listener
	lower(l.tls_max_version.value) == "tls12"
	msg := "tls_max_version = \"tls12\" forbids TLS 1.3 and its forward-secret AEAD suites"
}

deny contains {"msg": msg, "_loc": l.tls_cipher_suites._loc} if {
	some cfg in input.server_config
	some l in cfg.listener
	suites := lib.string_list(l.tls_cipher_suites.value)
	weak := [s | some s in suites; is_weak(upper(s))]
	count(weak) > 0
	msg := sprintf("tls_cipher_suites allows weak suites: %s", [concat(", ", weak)])
}

is_weak(s) if contains(s, "_CBC_")

is_weak(s) if startswith(s, "TLS_RSA_")

is_weak(s) if contains(s, "3DES")

is_weak(s) if contains(s, "RC4")
