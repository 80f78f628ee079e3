package vaultguard.rules.deploy.dev_root_token_test

import data.vaultguard.rules.deploy.dev_root_token

loc := {"file": "docker-compose.yml", "line": 10, "column": 9, "end_line": 10, "end_column": 40}

test_env if {
	s := {"_loc": loc, "_via": "env", "dev_root_token_id": {"value": "myroot", "known": true, "_loc": loc}, "dev_listen_address": {"value": "0.0.0.0:8200", "known": true, "_loc": loc}}
	got := dev_root_token.deny with input as {"server_command": [s]}
	got == {
		{"msg": "VAULT_DEV_ROOT_TOKEN_ID fixes the dev server's root token in the file: whoever reads it is root", "_loc": loc},
		{"msg": "VAULT_DEV_LISTEN_ADDRESS = 0.0.0.0:8200 serves the dev server, without TLS, beyond this host", "_loc": loc},
	}
}

test_loopback_listener if {
	s := {"_loc": loc, "_via": "argv", "dev_listen_address": {"value": "127.0.0.1:8200", "known": true, "_loc": loc}}
	count(dev_root_token.deny) == 0 with input as {"server_command": [s]}
}

test_token_from_variable_not_reported if {
	s := {"_loc": loc, "_via": "argv", "dev_root_token_id": {"value": null, "known": false, "text": "$VAULT_DEV_ROOT_TOKEN_ID", "_loc": loc}}
	count(dev_root_token.deny) == 0 with input as {"server_command": [s]}
}
