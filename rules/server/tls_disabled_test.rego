package vaultguard.rules.server.tls_disabled_test

import data.vaultguard.rules.server.tls_disabled

loc := {"file": "vault.hcl", "line": 3, "column": 3, "end_line": 3, "end_column": 20}

listener(addr, tls) := {"_type": "tcp", "_loc": loc, "address": {"value": addr, "known": true, "_loc": loc}, "tls_disable": {"value": tls, "bool": tls, "known": true, "_loc": loc}}

test_public_address_is_critical if {
	got := tls_disabled.deny with input as {"server_config": [{"listener": [listener("0.0.0.0:8200", true)]}]}
	got == {{"msg": "listener on 0.0.0.0:8200 has tls_disable = true: tokens and secrets cross the network in clear text", "_loc": loc, "severity": "critical"}}
}

test_loopback_is_low if {
	got := tls_disabled.deny with input as {"server_config": [{"listener": [listener("127.0.0.1:8200", true)]}]}
	[f] := [f | some f in got]
	f.severity == "low"
}

test_ipv6_loopback_is_low if {
	got := tls_disabled.deny with input as {"server_config": [{"listener": [listener("[::1]:8200", true)]}]}
	[f] := [f | some f in got]
	f.severity == "low"
}

test_tls_enabled_silent if {
	got := tls_disabled.deny with input as {"server_config": [{"listener": [listener("0.0.0.0:8200", false)]}]}
	count(got) == 0
}
