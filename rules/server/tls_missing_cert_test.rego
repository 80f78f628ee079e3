package vaultguard.rules.server.tls_missing_cert_test

import data.vaultguard.rules.server.tls_missing_cert

loc := {"file": "vault.hcl", "line": 2, "column": 1, "end_line": 2, "end_column": 15}

attr(v) := {"value": v, "known": true, "_loc": loc}

test_missing_key if {
	got := tls_missing_cert.deny with input as {"server_config": [{"listener": [{"_type": "tcp", "_loc": loc, "tls_cert_file": attr("c.pem")}]}]}
	got == {{"msg": "TLS listener has no tls_key_file: Vault will refuse to start", "_loc": loc}}
}

test_missing_both if {
	got := tls_missing_cert.deny with input as {"server_config": [{"listener": [{"_type": "tcp", "_loc": loc}]}]}
	got == {{"msg": "TLS listener has no tls_cert_file or tls_key_file: Vault will refuse to start", "_loc": loc}}
}

test_tls_disabled_is_not_this_rule if {
	l := {"_type": "tcp", "_loc": loc, "tls_disable": {"value": true, "bool": true, "known": true, "_loc": loc}}
	count(tls_missing_cert.deny) == 0 with input as {"server_config": [{"listener": [l]}]}
}

test_unix_listener_ignored if {
	count(tls_missing_cert.deny) == 0 with input as {"server_config": [{"listener": [{"_type": "unix", "_loc": loc}]}]}
}
