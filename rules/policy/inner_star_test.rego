package vaultguard.rules.policy.inner_star_test

import data.vaultguard.rules.policy.inner_star

loc := {"file": "p.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 15}

pol(path) := {"policy": [{"name": "p", "paths": [{"path": path, "capabilities": ["read"], "_loc": loc}]}]}

test_inner_star if {
	inner_star.deny == {{"msg": "path \"secret/*/config\": a \"*\" before the end is matched literally, not as a wildcard; use \"+\" for one segment", "_loc": loc}} with input as pol("secret/*/config")
}

test_trailing_star_silent if {
	count(inner_star.deny) == 0 with input as pol("secret/*")
}

test_plus_silent if {
	count(inner_star.deny) == 0 with input as pol("secret/+/config")
}
