# METADATA
# title: "Unix socket listener writable by every local user"
# description: |
#   A unix listener's socket_mode decides which local users can talk to
#   Vault through it; a mode that gives write permission to others (such as
#   777 or 666) lets any process on the host reach the API, bypassing
#   network controls.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration/listener/unix
# custom:
#   id: VG-SRV-031
#   severity: medium
#   kinds: [server_config]
#   remediation: "Set socket_mode = \"0660\" (or stricter) with socket_user and socket_group owning the socket."
package vaultguard.rules.server.unix_socket_mode

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": l.socket_mode._loc} if {
	some cfg in input.server_config
	some l in cfg.listener
	l._type == "unix"
	mode := sprintf("%v", [l.socket_mode.value])
	last := substring(mode, count(mode) - 1, 1)
	last in {"2", "3", "6", "7"}
	msg := sprintf("socket_mode = %q lets every local user write to the Vault socket", [mode])
}
