package vaultguard.rules.policy.wildcard_path_test

import data.vaultguard.rules.policy.wildcard_path
import data.vaultguard.lib

# The input carries each path's glob flag, as the Go model computes it.
glob(path) := true if lib.is_glob(path)
else := false

loc := {"file": "p.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 15}

pol(path, caps) := {"policy": [{"name": "p", "paths": [{"path": path, "glob": glob(path), "capabilities": caps, "_loc": loc}]}]}

one(path, caps) := f if {
	got := wildcard_path.deny with input as pol(path, caps)
	[f] := [x | some x in got]
}

test_star_is_critical if {
	one("*", ["read"]) == {"msg": "path \"*\" grants read on every path in Vault", "_loc": loc, "severity": "critical"}
}

test_mount_glob_write_is_critical if {
	f := one("secret/*", ["create", "read", "update"])
	f.severity == "critical"
	f.msg == "path \"secret/*\" grants create, read, update on every path of the \"secret\" mount"
}

test_mount_glob_read_is_high if {
	one("secret/data/*", ["read"]).severity == "high"
}

test_app_prefix_read_is_low if {
	one("secret/apps/payments/*", ["read"]).severity == "low"
}

test_plus_segment if {
	one("secret/+/config", ["read", "update"]).severity == "critical"
}

test_exact_path_silent if {
	count(wildcard_path.deny) == 0 with input as pol("secret/data/payments/stripe", ["read"])
}

test_deny_glob_silent if {
	count(wildcard_path.deny) == 0 with input as pol("secret/*", ["deny"])
}

test_cubbyhole_is_per_token if {
	count(wildcard_path.deny) == 0 with input as pol("cubbyhole/*", ["create", "read", "update", "delete", "list"])
}

test_auth_method_glob_is_mount_wide if {
	f := one("auth/+/role/*", ["read"])
	f.severity == "high"
	f.msg == "path \"auth/+/role/*\" grants read on the paths of every auth method"
}

test_builtin_default_policy_globs_silent if {
	inp := {"policy": [{"name": "default", "paths": [{"path": "sys/tools/hash/*", "capabilities": ["update"], "_loc": loc}]}]}
	count(wildcard_path.deny) == 0 with input as inp
}
