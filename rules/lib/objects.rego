# METADATA
# description: |
#   Helpers for rules over the objects the Terraform, script and deploy
#   adapters produce (roles, mounts, database roles, providers...); not a
#   rule itself.
package vaultguard.lib.objects

# Fallbacks when a configuration leaves a threshold unset (0); the
# documented defaults live in lint.DefaultThresholds.
fallback := {
	"default_lease_ttl": 3600,
	"max_lease_ttl": 86400,
	"token_ttl": 3600,
	"token_max_ttl": 86400,
	"secret_id_ttl": 86400,
	"database_default_ttl": 3600,
	"database_max_ttl": 86400,
}

# threshold is a configured limit in seconds.
threshold(key) := t if {
	t := data.vaultguard.config.thresholds[key]
	t > 0
} else := fallback[key]

# human formats seconds the way people write Vault TTLs.
human(s) := sprintf("%dh", [s / 3600]) if {
	s >= 3600
	s % 3600 == 0
} else := sprintf("%dm", [s / 60]) if {
	s >= 60
	s % 60 == 0
} else := sprintf("%ds", [s])

# written shows a duration as written, with its reading when it was
# written in seconds: 2764800 (768h).
written(a) := sprintf("%v (%s)", [a.value, human(a.seconds)]) if {
	in_seconds(a.value)
	a.seconds >= 60
} else := a.value

in_seconds(v) if is_number(v)

in_seconds(v) if {
	is_string(v)
	regex.match(`^[0-9]+$`, v)
}

# name is how a message names an object: its Vault name, or its
# Terraform resource address when the name is an expression.
name(o) := o._name if {
	o._name != ""
} else := o._resource if {
	o._resource
} else := "(unnamed)"

# Auth roles of every method carry the same token_* fields.
role_kinds := ["approle_role", "token_role", "auth_role"]

roles contains role if {
	some kind in role_kinds
	some role in input[kind]
}

# kind_label names an object's kind in a message.
kind_label(o) := "AppRole role" if o._kind == "approle_role"

kind_label(o) := "token role" if o._kind == "token_role"

kind_label(o) := sprintf("%s role", [object.get(o, "_method", "")]) if {
	o._kind == "auth_role"
	object.get(o, "_method", "") != ""
}

kind_label(o) := "auth role" if {
	o._kind == "auth_role"
	object.get(o, "_method", "") == ""
}

kind_label(o) := "token" if o._kind == "token"

# Vault still accepts the pre-1.2 names of the token fields; the new name
# wins when both are set.
legacy := {
	"token_ttl": "ttl",
	"token_max_ttl": "max_ttl",
	"token_period": "period",
	"token_explicit_max_ttl": "explicit_max_ttl",
	"token_policies": "policies",
}

# field returns a role's token field under its current or legacy name.
field(o, key) := o[key]

field(o, key) := o[legacy[key]] if not o[key]

# set holds when an attribute is present and not statically 0 or empty.
set(a) if not a.known

set(a) if {
	a.known
	a.seconds > 0
}

set(a) if {
	a.known
	not has_seconds(a)
	a.value != ""
}

# has_seconds holds when a value reads as a duration. (A helper, not
# `not is_number(a.seconds)`: OPA evaluates a.seconds outside the `not`,
# so that expression is undefined, not true, when there is no reading.)
has_seconds(a) if is_number(a.seconds)

# shell_origins are the sources whose values come from a command line.
shell_origins := {"script", "markdown", "dockerfile", "compose", "kubernetes", "systemd"}

# url_host returns the host of an http(s) URL, without port or brackets.
url_host(url) := host if {
	m := regex.find_all_string_submatch_n(`^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/]*@)?(\[[^\]]*\]|[^/:?#]*)`, url, 1)
	host := trim(m[0][1], "[]")
}

# A client connecting to the unspecified address (0.0.0.0, ::) reaches
# this host.
is_loopback_host(h) if lower(h) in {"localhost", "::1", "ip6-localhost", "0.0.0.0", "::"}

is_loopback_host(h) if startswith(h, "127.")
