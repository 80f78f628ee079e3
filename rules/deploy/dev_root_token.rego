# METADATA
# title: Dev-mode root token or listener set
# description: |
#   VAULT_DEV_ROOT_TOKEN_ID (or -dev-root-token-id) fixes the dev server's
#   root token to a value written in the file, so anyone who reads the
#   file is root on that Vault; VAULT_DEV_LISTEN_ADDRESS (or
#   -dev-listen-address) on a non-loopback address serves that dev server,
#   without TLS, to the network. A value taken from a variable at run time
#   is not reported (dev mode itself is, by VG-DEP-001). The message never
#   repeats the token.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/commands/server#dev-options
#   - ref: https://hub.docker.com/r/hashicorp/vault
# custom:
#   id: VG-DEP-002
#   severity: critical
#   kinds: [server_command]
#   remediation: Do not run dev servers outside a developer's machine; for tests, keep the listener on 127.0.0.1 and generate the root token at start.
package vaultguard.rules.deploy.dev_root_token

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": a._loc} if {
	some s in input.server_command
	a := s.dev_root_token_id
	a.known
	msg := sprintf("%s fixes the dev server's root token in the file: whoever reads it is root", [name(s, "dev_root_token_id")])
}

deny contains {"msg": msg, "_loc": a._loc} if {
	some s in input.server_command
	a := s.dev_listen_address
	a.known
	not lib.is_loopback(a.value)
	msg := sprintf("%s = %s serves the dev server, without TLS, beyond this host", [name(s, "dev_listen_address"), a.value])
}

name(s, "dev_root_token_id") := "VAULT_DEV_ROOT_TOKEN_ID" if s._via == "env"

name(s, "dev_root_token_id") := "-dev-root-token-id" if s._via != "env"

name(s, "dev_listen_address") := "VAULT_DEV_LISTEN_ADDRESS" if s._via == "env"

name(s, "dev_listen_address") := "-dev-listen-address" if s._via != "env"
