package vaultguard.rules.policy.overlapping_wildcards_test

import data.vaultguard.rules.policy.overlapping_wildcards

loc(line) := {"file": "p.hcl", "line": line, "column": 1, "end_line": line, "end_column": 10}

block(path, caps, line) := {"path": path, "capabilities": caps, "_loc": loc(line)}

test_plus_and_prefix_overlap if {
	inp := {"policy": [{"name": "p", "paths": [block("secret/+/config", ["read"], 1), block("secret/app/*", ["read", "update"], 5)]}]}
	overlapping_wildcards.deny == {{"msg": "path \"secret/+/config\" overlaps \"secret/app/*\" (policy \"p\", p.hcl:5): on paths such as \"secret/app/config\" the other pattern has higher priority and grants update, which this block does not", "_loc": loc(1)}} with input as inp
}

test_winner_grants_less_silent if {
	inp := {"policy": [{"name": "p", "paths": [block("secret/+/config", ["read", "update"], 1), block("secret/app/*", ["read"], 5)]}]}
	count(overlapping_wildcards.deny) == 0 with input as inp
}

test_disjoint_silent if {
	inp := {"policy": [{"name": "p", "paths": [block("secret/+/config", ["read"], 1), block("kv/app/*", ["update"], 5)]}]}
	count(overlapping_wildcards.deny) == 0 with input as inp
}
