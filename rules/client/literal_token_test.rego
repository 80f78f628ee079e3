package vaultguard.rules.client.literal_token_test

import data.vaultguard.rules.client.literal_token

loc := {"file": "docker-compose.yml", "line": 9, "column": 7, "end_line": 9, "end_column": 40}

tok(via, v) := {"_loc": loc, "_via": via, "token": {"value": v, "known": true, "_loc": loc}}

test_env_service_token if {
	got := literal_token.deny with input as {"provider": [tok("env", "hvs.CAESIJ0123456789abcdefghij")]}
	got == {{"msg": "VAULT_TOKEN holds a literal Vault token; revoke it and supply the token at run time", "_loc": loc}}
}

test_root if {
	got := literal_token.deny with input as {"provider": [tok("argv", "root")]}
	got == {{"msg": "a command-line argument holds a literal Vault token; revoke it and supply the token at run time", "_loc": loc}}
}

test_terraform_any_literal if {
	count(literal_token.deny) == 1 with input as {"provider": [tok("config", "some-token")]}
}

test_not_a_token if {
	count(literal_token.deny) == 0 with input as {"provider": [tok("env", ""), tok("env", "placeholder"), {"_loc": loc, "_via": "env", "token": {"value": null, "known": false, "text": "$(cat /run/token)", "_loc": loc}}]}
}
