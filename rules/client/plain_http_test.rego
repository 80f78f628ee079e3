package vaultguard.rules.client.plain_http_test

import data.vaultguard.rules.client.plain_http

loc := {"file": "a.tf", "line": 2, "column": 13, "end_line": 2, "end_column": 40}

addr(v) := {"_loc": loc, "address": {"value": v, "known": true, "_loc": loc}}

test_remote_http if {
	got := plain_http.deny with input as {"provider": [addr("http://vault.internal:8200")]}
	got == {{"msg": "Vault address \"http://vault.internal:8200\" uses plain HTTP to a host other than this one: tokens and secrets cross the network in clear text", "_loc": loc}}
}

test_loopback_and_https if {
	count(plain_http.deny) == 0 with input as {"provider": [addr("http://127.0.0.1:8200"), addr("http://localhost:8200"), addr("http://[::1]:8200"), addr("http://0.0.0.0:8200"), addr("https://vault.internal:8200")]}
}
