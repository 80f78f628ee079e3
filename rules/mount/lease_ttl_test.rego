package vaultguard.rules.mount.lease_ttl_test

import data.vaultguard.rules.mount.lease_ttl

loc := {"file": "a.tf", "line": 1, "column": 1, "end_line": 1, "end_column": 20}

l2 := {"file": "a.tf", "line": 5, "column": 25, "end_line": 5, "end_column": 31}

conf := {"thresholds": {"default_lease_ttl": 3600, "max_lease_ttl": 86400}}

test_long if {
	m := {"_loc": loc, "_class": "auth", "path": {"value": "userpass", "known": true, "_loc": loc}, "default_lease_ttl": {"value": "2h", "seconds": 7200, "known": true, "_loc": l2}, "max_lease_ttl": {"value": "24h", "seconds": 86400, "known": true, "_loc": l2}}
	got := lease_ttl.deny with input as {"mount": [m]} with data.vaultguard.config as conf
	got == {{"msg": "auth mount \"userpass\": default_lease_ttl = 2h is above the 1h limit", "_loc": l2}}
}

test_unset_or_short if {
	m := {"_loc": loc, "_class": "secret", "_name": "db", "max_lease_ttl": {"value": 3600, "seconds": 3600, "known": true, "_loc": l2}}
	count(lease_ttl.deny) == 0 with input as {"mount": [m, {"_loc": loc}]} with data.vaultguard.config as conf
}

test_pki_ca_lifetime if {
	m := {"_loc": loc, "_class": "secret", "type": {"value": "pki", "known": true, "_loc": loc}, "max_lease_ttl": {"value": 315360000, "seconds": 315360000, "known": true, "_loc": l2}}
	count(lease_ttl.deny) == 0 with input as {"mount": [m]} with data.vaultguard.config as conf
}
