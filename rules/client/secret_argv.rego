# METADATA
# title: Secret passed on the command line
# description: |
#   Command-line arguments are visible to every user of the host (ps,
#   /proc/PID/cmdline) and kept in shell history and CI logs: `vault login
#   TOKEN`, `vault write ... password=...`, `vault kv put ... api_key=...`,
#   `vault login -method=userpass password=...`. This holds even when the value is a $VARIABLE: the shell
#   expands it into the argument. Vault reads a value from stdin with
#   key=- or from a file with key=@FILE, and `vault login` prompts or reads
#   stdin when given no token. The message never repeats the value.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/commands#reading-sensitive-data-from-stdin-or-a-file
#   - ref: https://developer.hashicorp.com/vault/docs/commands/login
# custom:
#   id: VG-CLI-004
#   severity: high
#   kinds: [provider, database_connection, auth_role, vault_command]
#   remediation: Pass secrets as key=- (stdin) or key=@file, run `vault login` without a token argument (it prompts or reads stdin), or log in with an auth method.
package vaultguard.rules.client.secret_argv

import data.vaultguard.lib.objects

secret_fields := {"password", "token", "secret_id", "client_secret", "secret_key", "private_key", "root_password"}

deny contains {"msg": msg, "_loc": a._loc} if {
	some kind, list in input
	kind != "policy"
	some o in list
	o._origin in objects.shell_origins
	argv(o)
	some f, a in o
	secret_field(o, f)
	not from_file_or_stdin(a)
	msg := message(o, f)
}

message(o, "token") := "the token is passed to vault login on the command line, where ps, shell history and CI logs see it; run `vault login` (it prompts) or pipe the token to `vault login -`" if {
	o._kind == "provider"
	o._method == "token"
}

message(o, "token") := "a Vault token is written into a command's arguments, where ps, shell history and CI logs see it; read it from a file or the environment instead" if {
	o._kind == "provider"
	not o._method
}

message(o, f) := sprintf("%s is passed on the command line, where ps, shell history and CI logs see it; use %s=- (stdin) or %s=@FILE", [f, f, f]) if {
	not token_of_provider(o, f)
}

# A provider's token from `vault login TOKEN` or another command's
# arguments; a `vault login -method=...` with token=... is a field like
# any other.
token_of_provider(o, "token") if {
	o._kind == "provider"
	object.get(o, "_method", "token") == "token"
}

secret_field(o, f) if {
	o._kind != "vault_command"
	f in secret_fields
}

# Data written with `vault kv put` (or to an engine the model has no kind
# for) is named freely: judge by the key's last word.
secret_field(o, f) if {
	o._kind == "vault_command"
	regex.match(`(?i)(^|[_-])(password|passwd|pass|pw|secret|token|api_?key|private_?key|credentials?)$`, f)
}

# Objects from a command's arguments rather than from the environment.
argv(o) if o._kind != "provider"

argv(o) if o._via == "argv"

from_file_or_stdin(a) if {
	not a.known
	startswith(a.text, "@")
}

from_file_or_stdin(a) if {
	not a.known
	a.text == "-"
}
