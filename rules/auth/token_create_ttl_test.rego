package vaultguard.rules.auth.token_create_ttl_test

import data.vaultguard.rules.auth.token_create_ttl

loc := {"file": "a.sh", "line": 3, "column": 1, "end_line": 3, "end_column": 40}

l2 := {"file": "a.sh", "line": 3, "column": 20, "end_line": 3, "end_column": 30}

attr(v, secs) := {"value": v, "seconds": secs, "known": true, "_loc": l2}

test_long_ttl if {
	token_create_ttl.deny == {{"msg": "a token is created with ttl = 768h, above the 1h limit", "_loc": l2}} with input as {"token": [{"_kind": "token", "_loc": loc, "ttl": attr("768h", 2764800), "explicit_max_ttl": attr("24h", 86400)}]}
}

test_long_explicit_max if {
	token_create_ttl.deny == {{"msg": "token \"ci\" is created with explicit_max_ttl = 720h, above the 24h limit", "_loc": l2}} with input as {"token": [{"_kind": "token", "_loc": loc, "_name": "ci", "ttl": attr("1h", 3600), "explicit_max_ttl": attr("720h", 2592000)}]}
}

test_no_ttl if {
	got := token_create_ttl.deny with input as {"token": [{"_kind": "token", "_loc": loc}]}
	got == {{"msg": "a token is created without a ttl: it gets the token store's default TTL, 768h unless the mount was tuned; set at most 1h", "_loc": loc}}
}

test_zero_ttl_is_no_ttl if {
	count(token_create_ttl.deny) == 1 with input as {"token": [{"_kind": "token", "_loc": loc, "ttl": attr("0", 0)}]}
}

test_unknown_ttl_trusted if {
	count(token_create_ttl.deny) == 0 with input as {"token": [{"_kind": "token", "_loc": loc, "ttl": {"value": null, "known": false, "text": "$TTL", "_loc": l2}}]}
}

test_periodic_forever if {
	token_create_ttl.deny == {{"msg": "a token is periodic (period = 72h) without an explicit_max_ttl: it can be renewed forever", "_loc": l2, "severity": "high"}} with input as {"token": [{"_kind": "token", "_loc": loc, "period": attr("72h", 259200)}]}
}

test_periodic_bounded if {
	count(token_create_ttl.deny) == 0 with input as {"token": [{"_kind": "token", "_loc": loc, "period": attr("1h", 3600), "explicit_max_ttl": attr("24h", 86400)}]}
}

test_token_role_decides if {
	count(token_create_ttl.deny) == 0 with input as {"token": [{"_kind": "token", "_loc": loc, "role_name": {"value": "ci", "known": true, "_loc": l2}}]}
}

test_threshold if {
	got := token_create_ttl.deny with input as {"token": [{"_kind": "token", "_loc": loc, "ttl": attr("4h", 14400), "explicit_max_ttl": attr("8h", 28800)}]}
		with data.vaultguard.config.thresholds as {"token_ttl": 28800, "token_max_ttl": 86400}
	count(got) == 0
}

test_periodic_unknown_period_named_by_its_text if {
	got := token_create_ttl.deny with input as {"token": [{"_kind": "token", "_loc": loc, "period": {"value": null, "known": false, "text": "${1:-15m}", "_loc": l2}}]}
	got == {{"msg": "a token is periodic (period = ${1:-15m}) without an explicit_max_ttl: it can be renewed forever", "_loc": l2, "severity": "high"}}
}
