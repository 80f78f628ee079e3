package vaultguard.rules.database.role_ttl_test

import data.vaultguard.rules.database.role_ttl

loc := {"file": "a.sh", "line": 1, "column": 1, "end_line": 4, "end_column": 20}

l2 := {"file": "a.sh", "line": 2, "column": 5, "end_line": 2, "end_column": 20}

l3 := {"file": "a.sh", "line": 3, "column": 5, "end_line": 3, "end_column": 20}

conf := {"thresholds": {"database_default_ttl": 3600, "database_max_ttl": 86400}}

ttl(v, s, l) := {"value": v, "seconds": s, "known": true, "_loc": l}

test_too_long if {
	role := {"_loc": loc, "_name": "readonly", "default_ttl": ttl("24h", 86400, l2), "max_ttl": ttl("720h", 2592000, l3)}
	got := role_ttl.deny with input as {"database_role": [role]} with data.vaultguard.config as conf
	got == {
		{"msg": "database role \"readonly\": default_ttl = 24h is above the 1h limit", "_loc": l2},
		{"msg": "database role \"readonly\": max_ttl = 720h is above the 24h limit", "_loc": l3},
	}
}

test_max_missing if {
	role := {"_loc": loc, "_name": "readonly", "default_ttl": ttl("1h", 3600, l2)}
	got := role_ttl.deny with input as {"database_role": [role]} with data.vaultguard.config as conf
	got == {{"msg": "database role \"readonly\" does not set max_ttl: its credentials can be renewed up to the mount's max TTL, 768h by default; set at most 24h", "_loc": loc}}
}

test_seed_values_pass if {
	role := {"_loc": loc, "_name": "readonly", "default_ttl": ttl("1h", 3600, l2), "max_ttl": ttl("24h", 86400, l3)}
	count(role_ttl.deny) == 0 with input as {"database_role": [role]} with data.vaultguard.config as conf
}

test_unknown if {
	role := {"_loc": loc, "_name": "r", "default_ttl": {"known": false, "value": null, "text": "$TTL", "_loc": l2}, "max_ttl": ttl("24h", 86400, l3)}
	count(role_ttl.deny) == 0 with input as {"database_role": [role]} with data.vaultguard.config as conf
}
