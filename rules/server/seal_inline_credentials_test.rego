package vaultguard.rules.server.seal_inline_credentials_test

import data.vaultguard.rules.server.seal_inline_credentials

loc := {"file": "vault.hcl", "line": 9, "column": 3, "end_line": 9, "end_column": 40}

test_secret_key_fires_without_printing_it if {
	s := {"_type": "awskms", "_loc": loc, "secret_key": {"value": "wJalrXUtnFEMI", "known": true, "_loc": loc}}
	got := seal_inline_credentials.deny with input as {"server_config": [{"seal": [s]}]}
	got == {{"msg": "seal \"awskms\" has secret_key written in the file: the credential that unwraps Vault's root key is in clear text", "_loc": loc}}
	every f in got {
		not contains(f.msg, "wJalrXUtnFEMI")
	}
}

test_kms_key_id_is_not_a_credential if {
	s := {"_type": "awskms", "_loc": loc, "kms_key_id": {"value": "alias/vault", "known": true, "_loc": loc}}
	count(seal_inline_credentials.deny) == 0 with input as {"server_config": [{"seal": [s]}]}
}

test_empty_value_ignored if {
	s := {"_type": "pkcs11", "_loc": loc, "pin": {"value": "", "known": true, "_loc": loc}}
	count(seal_inline_credentials.deny) == 0 with input as {"server_config": [{"seal": [s]}]}
}
