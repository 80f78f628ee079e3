# METADATA
# title: Vault server runs in dev mode
# description: |
#   `vault server -dev` keeps everything in memory, starts unsealed with a
#   single unseal key, enables a KV engine at secret/, logs in the CLI
#   with a root token and (with -dev-listen-address) serves it on the
#   network without TLS. The official image's default command is `server
#   -dev`, so a container that runs the image without a command is in dev
#   mode too. Everything written is lost on restart.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/dev-server
# custom:
#   id: VG-DEP-001
#   severity: critical
#   kinds: [server_command]
#   remediation: Start Vault with `vault server -config=FILE` (storage, TLS listener, seal), initialise it with `vault operator init`, and keep dev mode to a developer's laptop.
package vaultguard.rules.deploy.dev_mode

deny contains {"msg": msg, "_loc": a._loc} if {
	some s in input.server_command
	some f in ["dev", "dev_tls"]
	a := s[f]
	a.bool == true
	msg := message(s, f)
}

message(s, _) := "the container runs the official Vault image's default command, `vault server -dev`: in-memory storage, unsealed, root token" if s._via == "image_default"

message(s, f) := sprintf("Vault is started in dev mode (%s): in-memory storage, unsealed, root token", [flag(f)]) if s._via != "image_default"

flag("dev") := "-dev"

flag("dev_tls") := "-dev-tls"
