package vaultguard.rules.auth.root_policy_test

import data.vaultguard.rules.auth.root_policy

loc := {"file": "a.sh", "line": 1, "column": 1, "end_line": 1, "end_column": 40}

l2 := {"file": "a.sh", "line": 2, "column": 5, "end_line": 2, "end_column": 30}

test_root_any_case if {
	role := {"_kind": "approle_role", "_loc": loc, "_name": "ops", "token_policies": {"value": ["default", " ROOT"], "known": true, "_loc": l2}}
	got := root_policy.deny with input as {"approle_role": [role]}
	got == {{"msg": "AppRole role \"ops\" grants the root policy in token_policies", "_loc": l2}}
}

test_token_create if {
	tok := {"_kind": "token", "_loc": loc, "policies": {"value": ["root"], "known": true, "_loc": l2}}
	got := root_policy.deny with input as {"token": [tok]}
	got == {{"msg": "token \"(unnamed)\" grants the root policy in policies", "_loc": l2}}
}

test_allowed_policies_string if {
	role := {"_kind": "token_role", "_loc": loc, "_name": "r", "allowed_policies": {"value": "app,root", "known": true, "_loc": l2}}
	count(root_policy.deny) == 1 with input as {"token_role": [role]}
}

test_other_policies if {
	role := {"_kind": "approle_role", "_loc": loc, "_name": "ops", "token_policies": {"value": ["rootless", "app"], "known": true, "_loc": l2}}
	count(root_policy.deny) == 0 with input as {"approle_role": [role]}
}
