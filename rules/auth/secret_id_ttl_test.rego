package vaultguard.rules.auth.secret_id_ttl_test

import data.vaultguard.rules.auth.secret_id_ttl

loc := {"file": "a.tf", "line": 1, "column": 1, "end_line": 1, "end_column": 40}

aloc := {"file": "a.tf", "line": 4, "column": 24, "end_line": 4, "end_column": 29}

conf := {"thresholds": {"secret_id_ttl": 86400}}

ttl(v, s) := {"value": v, "seconds": s, "known": true, "_loc": aloc}

test_missing if {
	got := secret_id_ttl.deny with input as {"approle_role": [{"_loc": loc, "_name": "ci"}]} with data.vaultguard.config as conf
	got == {{"msg": "AppRole role \"ci\" does not set secret_id_ttl: Vault's default 0 means secret IDs never expire; set at most 24h", "_loc": loc}}
}

test_zero if {
	got := secret_id_ttl.deny with input as {"approle_role": [{"_loc": loc, "_name": "ci", "secret_id_ttl": ttl("0", 0)}]} with data.vaultguard.config as conf
	got == {{"msg": "AppRole role \"ci\": secret_id_ttl = 0 means secret IDs never expire; set at most 24h", "_loc": aloc}}
}

test_too_long if {
	got := secret_id_ttl.deny with input as {"approle_role": [{"_loc": loc, "_name": "ci", "secret_id_ttl": ttl("720h", 2592000)}]} with data.vaultguard.config as conf
	got == {{"msg": "AppRole role \"ci\": secret_id_ttl = 720h is above the 24h limit", "_loc": aloc}}
}

test_within if {
	count(secret_id_ttl.deny) == 0 with input as {"approle_role": [{"_loc": loc, "_name": "ci", "secret_id_ttl": ttl("10m", 600)}]} with data.vaultguard.config as conf
}

test_configured_threshold if {
	c := {"thresholds": {"secret_id_ttl": 604800}}
	count(secret_id_ttl.deny) == 0 with input as {"approle_role": [{"_loc": loc, "_name": "ci", "secret_id_ttl": ttl("168h", 604800)}]} with data.vaultguard.config as c
}

test_unknown if {
	a := {"value": null, "known": false, "text": "var.ttl", "_loc": aloc}
	count(secret_id_ttl.deny) == 0 with input as {"approle_role": [{"_loc": loc, "_name": "ci", "secret_id_ttl": a}]} with data.vaultguard.config as conf
}
