package vaultguard.rules.transit.auto_rotate_test

import data.vaultguard.rules.transit.auto_rotate

loc := {"file": "a.sh", "line": 1, "column": 1, "end_line": 1, "end_column": 20}

l2 := {"file": "a.sh", "line": 1, "column": 30, "end_line": 1, "end_column": 45}

test_missing if {
	got := auto_rotate.deny with input as {"transit_key": [{"_loc": loc, "_name": "k"}]}
	got == {{"msg": "transit key \"k\" has no auto_rotate_period: it is never rotated automatically", "_loc": loc}}
}

test_zero if {
	got := auto_rotate.deny with input as {"transit_key": [{"_loc": loc, "_name": "k", "auto_rotate_period": {"value": "0", "seconds": 0, "known": true, "_loc": l2}}]}
	got == {{"msg": "transit key \"k\" sets auto_rotate_period = 0: automatic rotation is off", "_loc": l2}}
}

test_set if {
	count(auto_rotate.deny) == 0 with input as {"transit_key": [{"_loc": loc, "_name": "k", "auto_rotate_period": {"value": "720h", "seconds": 2592000, "known": true, "_loc": l2}}]}
}
