package vaultguard.rules.policy.conflicting_duplicate_test

import data.vaultguard.rules.policy.conflicting_duplicate

loc(file, line) := {"file": file, "line": line, "column": 1, "end_line": line, "end_column": 10}

test_deny_in_co_held_policy if {
	inp := {
		"policy": [
			{"name": "app", "paths": [{"path": "secret/app/*", "capabilities": ["read"], "_loc": loc("app.hcl", 1)}]},
			{"name": "freeze", "paths": [{"path": "secret/app/*", "capabilities": ["deny"], "_loc": loc("freeze.hcl", 3)}]},
		],
		"auth_role": [{"token_policies": {"value": "app,freeze"}}],
	}
	conflicting_duplicate.deny == {{"msg": "path \"secret/app/*\" grants read here, but policy \"freeze\", freeze.hcl:3 denies the same pattern: Vault merges them and the deny discards every capability", "_loc": loc("app.hcl", 1)}} with input as inp
}

test_not_held_together_silent if {
	inp := {"policy": [
		{"name": "app", "paths": [{"path": "secret/app/*", "capabilities": ["read"], "_loc": loc("app.hcl", 1)}]},
		{"name": "freeze", "paths": [{"path": "secret/app/*", "capabilities": ["deny"], "_loc": loc("freeze.hcl", 3)}]},
	]}
	count(conflicting_duplicate.deny) == 0 with input as inp
}
