package vaultguard.rules.server.lease_ttl_test

import data.vaultguard.rules.server.lease_ttl

loc := {"file": "vault.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 1}

aloc := {"file": "vault.hcl", "line": 20, "column": 1, "end_line": 20, "end_column": 30}

conf := {"thresholds": {"default_lease_ttl": 3600, "max_lease_ttl": 86400}}

ttl(v, s) := {"value": v, "seconds": s, "known": true, "_loc": aloc}

test_both_missing if {
	got := lease_ttl.deny with input as {"server_config": [{"_loc": loc}]} with data.vaultguard.config as conf
	got == {
		{"msg": "default_lease_ttl is not set: Vault defaults it to 768h (32 days); set it to at most 1h", "_loc": loc},
		{"msg": "max_lease_ttl is not set: Vault defaults it to 768h (32 days); set it to at most 24h", "_loc": loc},
	}
}

test_too_long if {
	got := lease_ttl.deny with input as {"server_config": [{"_loc": loc, "default_lease_ttl": ttl("168h", 604800), "max_lease_ttl": ttl("24h", 86400)}]} with data.vaultguard.config as conf
	got == {{"msg": "default_lease_ttl = 168h is above the 1h limit", "_loc": aloc}}
}

test_threshold_from_config if {
	c := {"thresholds": {"default_lease_ttl": 604800, "max_lease_ttl": 86400}}
	count(lease_ttl.deny) == 0 with input as {"server_config": [{"_loc": loc, "default_lease_ttl": ttl("168h", 604800), "max_lease_ttl": ttl(3600, 3600)}]} with data.vaultguard.config as c
}

test_partial_config_only_checks_values if {
	count(lease_ttl.deny) == 0 with input as {"server_config": [{"_loc": loc, "_partial": true}]} with data.vaultguard.config as conf
}
