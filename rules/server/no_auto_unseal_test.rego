package vaultguard.rules.server.no_auto_unseal_test

import data.vaultguard.rules.server.no_auto_unseal

loc := {"file": "vault.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 1}

msg := "no auto-unseal: this server has no seal stanza other than shamir, so it needs unseal keys typed in by people after every restart"

test_no_seal if {
	no_auto_unseal.deny == {{"msg": msg, "_loc": loc}} with input as {"server_config": [{"_loc": loc}]}
}

test_shamir_only if {
	count(no_auto_unseal.deny) == 1 with input as {"server_config": [{"_loc": loc, "seal": [{"_type": "shamir", "_loc": loc}]}]}
}

test_disabled_kms_during_migration if {
	s := {"_type": "awskms", "_loc": loc, "disabled": {"value": "true", "bool": true, "known": true, "_loc": loc}}
	count(no_auto_unseal.deny) == 1 with input as {"server_config": [{"_loc": loc, "seal": [s]}]}
}

test_awskms_ok if {
	count(no_auto_unseal.deny) == 0 with input as {"server_config": [{"_loc": loc, "seal": [{"_type": "awskms", "_loc": loc}]}]}
}

test_partial_config_skipped if {
	count(no_auto_unseal.deny) == 0 with input as {"server_config": [{"_loc": loc, "_partial": true}]}
}
