package vaultguard.rules.auth.secret_id_num_uses_test

import data.vaultguard.rules.auth.secret_id_num_uses

loc := {"file": "a.sh", "line": 3, "column": 1, "end_line": 5, "end_column": 20}

aloc := {"file": "a.sh", "line": 5, "column": 5, "end_line": 5, "end_column": 25}

test_missing if {
	got := secret_id_num_uses.deny with input as {"approle_role": [{"_loc": loc, "_name": "app"}]}
	got == {{"msg": "AppRole role \"app\" does not set secret_id_num_uses: Vault's default 0 lets each secret ID be used any number of times", "_loc": loc}}
}

test_zero if {
	role := {"_loc": loc, "_name": "app", "secret_id_num_uses": {"value": "0", "known": true, "_loc": aloc}}
	got := secret_id_num_uses.deny with input as {"approle_role": [role]}
	got == {{"msg": "AppRole role \"app\": secret_id_num_uses = 0 means unlimited uses; set it to 1", "_loc": aloc}}
}

test_ten if {
	role := {"_loc": loc, "_resource": "vault_approle_auth_backend_role.app", "secret_id_num_uses": {"value": 10, "known": true, "_loc": aloc}}
	got := secret_id_num_uses.deny with input as {"approle_role": [role]}
	got == {{"msg": "AppRole role \"vault_approle_auth_backend_role.app\": secret_id_num_uses = 10 lets each secret ID log in 10 times; set it to 1", "_loc": aloc}}
}

test_one_passes if {
	role := {"_loc": loc, "_name": "app", "secret_id_num_uses": {"value": 1, "known": true, "_loc": aloc}}
	count(secret_id_num_uses.deny) == 0 with input as {"approle_role": [role]}
}

test_unknown_is_not_guessed if {
	role := {"_loc": loc, "_name": "app", "secret_id_num_uses": {"value": null, "known": false, "text": "var.uses", "_loc": aloc}}
	count(secret_id_num_uses.deny) == 0 with input as {"approle_role": [role]}
}

test_no_secret_id if {
	role := {"_loc": loc, "_name": "app", "bind_secret_id": {"value": false, "bool": false, "known": true, "_loc": aloc}}
	count(secret_id_num_uses.deny) == 0 with input as {"approle_role": [role]}
}
