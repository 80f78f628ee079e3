package vaultguard.rules.policy.deny_overridden_test

import data.vaultguard.rules.policy.deny_overridden

loc(line) := {"file": "p.hcl", "line": line, "column": 1, "end_line": line, "end_column": 10}

block(path, caps, line) := {"path": path, "capabilities": caps, "_loc": loc(line)}

test_glob_deny_overridden_by_exact_allow if {
	inp := {"policy": [{"name": "p", "paths": [block("secret/*", ["deny"], 1), block("secret/app/config", ["read"], 5)]}]}
	deny_overridden.deny == {{"msg": "deny on \"secret/*\" does not hold for paths such as \"secret/app/config\": \"secret/app/config\" (policy \"p\", p.hcl:5) has higher priority there and grants read", "_loc": loc(1)}} with input as inp
}

test_across_policies_held_together if {
	inp := {
		"policy": [{"name": "base", "paths": [block("secret/+/prod/*", ["deny"], 1)]}, {"name": "app", "paths": [block("secret/app/*", ["read"], 2)]}],
		"approle_role": [{"token_policies": {"value": ["base", "app"]}}],
	}
	count(deny_overridden.deny) == 1 with input as inp
}

test_unrelated_policies_silent if {
	inp := {"policy": [{"name": "base", "paths": [block("secret/*", ["deny"], 1)]}, {"name": "app", "paths": [block("secret/app", ["read"], 2)]}]}
	count(deny_overridden.deny) == 0 with input as inp
}

test_exact_deny_wins_silent if {
	inp := {"policy": [{"name": "p", "paths": [block("secret/*", ["read"], 1), block("secret/super-secret", ["deny"], 5)]}]}
	count(deny_overridden.deny) == 0 with input as inp
}
