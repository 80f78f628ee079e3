package vaultguard.rules.server.tls_min_version_test

import data.vaultguard.rules.server.tls_min_version

loc := {"file": "vault.hcl", "line": 4, "column": 3, "end_line": 4, "end_column": 30}

cfg(key, v) := {"server_config": [{"listener": [{"_type": "tcp", "_loc": loc, key: {"value": v, "known": true, "_loc": loc}}]}]}

test_tls10 if {
	tls_min_version.deny == {{"msg": "tls_min_version = \"tls10\" allows deprecated TLS versions below 1.2", "_loc": loc}} with input as cfg("tls_min_version", "tls10")
}

test_tls11_max if {
	count(tls_min_version.deny) == 1 with input as cfg("tls_max_version", "tls11")
}

test_tls12_ok if {
	count(tls_min_version.deny) == 0 with input as cfg("tls_min_version", "tls12")
}
