package vaultguard.rules.cluster.listing_visibility_test

import data.vaultguard.rules.cluster.listing_visibility

loc := {"file": "a.sh", "line": 1, "column": 1, "end_line": 1, "end_column": 20}

l2 := {"file": "a.sh", "line": 1, "column": 30, "end_line": 1, "end_column": 45}

mount(v) := {"_loc": loc, "_class": "secret", "path": {"value": "transit", "known": true, "_loc": loc}, "listing_visibility": {"value": v, "known": true, "_loc": l2}}

test_unauth if {
	got := listing_visibility.deny with input as {"mount": [mount("unauth")]}
	got == {{"msg": "secret mount \"transit\": listing_visibility = \"unauth\" shows it to anyone without a token", "_loc": l2}}
}

test_hidden if {
	count(listing_visibility.deny) == 0 with input as {"mount": [mount("hidden"), {"_loc": loc}]}
}
