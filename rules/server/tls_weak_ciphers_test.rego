package vaultguard.rules.server.tls_weak_ciphers_test

import data.vaultguard.rules.server.tls_weak_ciphers

loc := {"file": "vault.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 10}

aloc := {"file": "vault.hcl", "line": 3, "column": 3, "end_line": 3, "end_column": 30}

attr(v) := {"value": v, "known": true, "_loc": aloc, "bool": to_bool(v)}

to_bool(v) := v if is_boolean(v)
else := v in {"true", "1", "t", "T", "TRUE", "True"} if is_string(v)
else := v != 0

cfg(top) := {"server_config": [object.union({"_loc": loc, "_partial": false}, top)]}

listener(attrs) := cfg({"listener": [object.union({"_type": "tcp", "_loc": loc}, attrs)]})

block(kind, typ, attrs) := cfg({kind: [object.union({"_type": typ, "_loc": loc}, attrs)]})

test_max12 if {
	got := tls_weak_ciphers.deny with input as listener({"tls_max_version": attr("tls12")})
	count(got) == 1
	{f._loc | some f in got} == {aloc}
}

test_cbc if {
	got := tls_weak_ciphers.deny with input as listener({"tls_cipher_suites": attr("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_128_CBC_SHA")})
	count(got) == 1
	{f._loc | some f in got} == {aloc}
}

test_gcm if {
	count(tls_weak_ciphers.deny) == 0 with input as listener({"tls_cipher_suites": attr(["TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"])})
}
