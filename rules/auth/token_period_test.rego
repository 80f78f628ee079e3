package vaultguard.rules.auth.token_period_test

import data.vaultguard.rules.auth.token_period

loc := {"file": "a.tf", "line": 1, "column": 1, "end_line": 1, "end_column": 40}

l2 := {"file": "a.tf", "line": 2, "column": 20, "end_line": 2, "end_column": 26}

test_period_alone if {
	role := {"_kind": "token_role", "_loc": loc, "_name": "nomad", "token_period": {"value": 259200, "seconds": 259200, "known": true, "_loc": l2}}
	got := token_period.deny with input as {"token_role": [role]}
	got == {{"msg": "token role \"nomad\" sets token_period without token_explicit_max_ttl: its tokens can be renewed forever", "_loc": l2}}
}

test_period_with_explicit_max if {
	role := {"_kind": "token_role", "_loc": loc, "_name": "nomad", "token_period": {"value": 3600, "seconds": 3600, "known": true, "_loc": l2}, "token_explicit_max_ttl": {"value": "24h", "seconds": 86400, "known": true, "_loc": l2}}
	count(token_period.deny) == 0 with input as {"token_role": [role]}
}

test_zero_period if {
	role := {"_kind": "approle_role", "_loc": loc, "_name": "a", "token_period": {"value": 0, "seconds": 0, "known": true, "_loc": l2}}
	count(token_period.deny) == 0 with input as {"approle_role": [role]}
}
