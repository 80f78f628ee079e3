package vaultguard.rules.auth.bind_secret_id_test

import data.vaultguard.rules.auth.bind_secret_id

loc := {"file": "a.sh", "line": 1, "column": 1, "end_line": 1, "end_column": 40}

aloc := {"file": "a.sh", "line": 2, "column": 5, "end_line": 2, "end_column": 25}

test_false if {
	role := {"_loc": loc, "_name": "docker", "bind_secret_id": {"value": "false", "bool": false, "known": true, "_loc": aloc}}
	got := bind_secret_id.deny with input as {"approle_role": [role]}
	got == {{"msg": "AppRole role \"docker\" sets bind_secret_id = false: the role ID alone logs in", "_loc": aloc}}
}

test_true_or_default if {
	role := {"_loc": loc, "_name": "docker", "bind_secret_id": {"value": true, "bool": true, "known": true, "_loc": aloc}}
	count(bind_secret_id.deny) == 0 with input as {"approle_role": [role, {"_loc": loc}]}
}
