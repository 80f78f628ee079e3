package vaultguard.rules.transit.deletion_allowed_test

import data.vaultguard.rules.transit.deletion_allowed

loc := {"file": "a.tf", "line": 1, "column": 1, "end_line": 1, "end_column": 20}

l2 := {"file": "a.tf", "line": 4, "column": 22, "end_line": 4, "end_column": 26}

test_allowed if {
	got := deletion_allowed.deny with input as {"transit_key": [{"_loc": loc, "_name": "k", "deletion_allowed": {"value": true, "bool": true, "known": true, "_loc": l2}}]}
	got == {{"msg": "transit key \"k\" sets deletion_allowed = true: deleting it destroys every ciphertext made with it", "_loc": l2}}
}

test_not_allowed if {
	count(deletion_allowed.deny) == 0 with input as {"transit_key": [{"_loc": loc, "_name": "k", "deletion_allowed": {"value": false, "bool": false, "known": true, "_loc": l2}}]}
}
