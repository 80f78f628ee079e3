package vaultguard.rules.client.skip_verify_test

import data.vaultguard.rules.client.skip_verify

loc := {"file": "a.sh", "line": 1, "column": 8, "end_line": 1, "end_column": 30}

t := {"value": "1", "bool": true, "known": true, "_loc": loc}

test_env if {
	got := skip_verify.deny with input as {"provider": [{"_loc": loc, "_via": "env", "skip_tls_verify": t}]}
	got == {{"msg": "VAULT_SKIP_VERIFY turns TLS certificate verification off: anyone on the path can impersonate Vault", "_loc": loc}}
}

test_terraform if {
	got := skip_verify.deny with input as {"provider": [{"_loc": loc, "_via": "config", "skip_tls_verify": t}]}
	got == {{"msg": "skip_tls_verify turns TLS certificate verification off: anyone on the path can impersonate Vault", "_loc": loc}}
}

test_false if {
	f := {"value": "false", "bool": false, "known": true, "_loc": loc}
	count(skip_verify.deny) == 0 with input as {"provider": [{"_loc": loc, "_via": "env", "skip_tls_verify": f}]}
}
