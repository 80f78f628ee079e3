package vaultguard.rules.policy.dead_allow_test

import data.vaultguard.rules.policy.dead_allow

loc(line) := {"file": "p.hcl", "line": line, "column": 1, "end_line": line, "end_column": 10}

block(path, caps, line) := {"path": path, "capabilities": caps, "_loc": loc(line)}

test_fewer_plus_segments_shadow if {
	inp := {"policy": [{"name": "p", "paths": [block("secret/+/*", ["read"], 1), block("secret/+/+/*", ["update"], 5)]}]}
	dead_allow.deny == {{"msg": "path \"secret/+/+/*\" never decides a request: every path it matches is decided by \"secret/+/*\" (policy \"p\", p.hcl:1), which has higher priority", "_loc": loc(5)}} with input as inp
}

test_specific_allow_is_alive if {
	inp := {"policy": [{"name": "p", "paths": [block("secret/*", ["read"], 1), block("secret/app/*", ["update"], 5)]}]}
	count(dead_allow.deny) == 0 with input as inp
}
