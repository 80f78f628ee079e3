package vaultguard.rules.auth.token_ttl_test

import data.vaultguard.rules.auth.token_ttl

loc := {"file": "a.sh", "line": 1, "column": 1, "end_line": 3, "end_column": 20}

l2 := {"file": "a.sh", "line": 2, "column": 5, "end_line": 2, "end_column": 20}

l3 := {"file": "a.sh", "line": 3, "column": 5, "end_line": 3, "end_column": 20}

conf := {"thresholds": {"token_ttl": 3600, "token_max_ttl": 86400}}

ttl(v, s, l) := {"value": v, "seconds": s, "known": true, "_loc": l}

test_too_long if {
	role := {"_kind": "approle_role", "_loc": loc, "_name": "payments-api", "token_ttl": ttl("768h", 2764800, l2), "token_max_ttl": ttl("768h", 2764800, l3)}
	got := token_ttl.deny with input as {"approle_role": [role]} with data.vaultguard.config as conf
	got == {
		{"msg": "AppRole role \"payments-api\": token_ttl = 768h is above the 1h limit", "_loc": l2},
		{"msg": "AppRole role \"payments-api\": token_max_ttl = 768h is above the 24h limit", "_loc": l3},
	}
}

test_max_missing if {
	role := {"_kind": "auth_role", "_method": "kubernetes", "_loc": loc, "_name": "app", "token_ttl": ttl("20m", 1200, l2)}
	got := token_ttl.deny with input as {"auth_role": [role]} with data.vaultguard.config as conf
	got == {{"msg": "kubernetes role \"app\" does not set token_max_ttl: its tokens can be renewed up to the mount's max TTL, 768h by default; set at most 24h", "_loc": loc}}
}

test_max_zero if {
	role := {"_kind": "token_role", "_loc": loc, "_name": "ci", "token_max_ttl": ttl(0, 0, l3)}
	got := token_ttl.deny with input as {"token_role": [role]} with data.vaultguard.config as conf
	got == {{"msg": "token role \"ci\": token_max_ttl = 0 falls back to the mount's max TTL, 768h by default; set at most 24h", "_loc": l3}}
}

test_legacy_names if {
	role := {"_kind": "auth_role", "_method": "", "_loc": loc, "_name": "app", "ttl": ttl("2h", 7200, l2), "max_ttl": ttl("4h", 14400, l3)}
	got := token_ttl.deny with input as {"auth_role": [role]} with data.vaultguard.config as conf
	got == {{"msg": "auth role \"app\": token_ttl = 2h is above the 1h limit", "_loc": l2}}
}

test_periodic_not_asked_for_max if {
	role := {"_kind": "token_role", "_loc": loc, "_name": "p", "token_period": ttl("1h", 3600, l2)}
	count(token_ttl.deny) == 0 with input as {"token_role": [role]} with data.vaultguard.config as conf
}

test_unknown_not_guessed if {
	role := {"_kind": "approle_role", "_loc": loc, "_name": "x", "token_ttl": {"value": null, "known": false, "text": "var.ttl", "_loc": l2}, "token_max_ttl": ttl("4h", 14400, l3)}
	count(token_ttl.deny) == 0 with input as {"approle_role": [role]} with data.vaultguard.config as conf
}
