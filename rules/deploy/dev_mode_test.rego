package vaultguard.rules.deploy.dev_mode_test

import data.vaultguard.rules.deploy.dev_mode

loc := {"file": "docker-compose.yml", "line": 6, "column": 12, "end_line": 6, "end_column": 30}

t := {"value": "true", "bool": true, "known": true, "_loc": loc}

test_flag if {
	got := dev_mode.deny with input as {"server_command": [{"_loc": loc, "_via": "argv", "dev": t}]}
	got == {{"msg": "Vault is started in dev mode (-dev): in-memory storage, unsealed, root token", "_loc": loc}}
}

test_image_default if {
	got := dev_mode.deny with input as {"server_command": [{"_loc": loc, "_via": "image_default", "dev": t}]}
	got == {{"msg": "the container runs the official Vault image's default command, `vault server -dev`: in-memory storage, unsealed, root token", "_loc": loc}}
}

test_config_server if {
	count(dev_mode.deny) == 0 with input as {"server_command": [{"_loc": loc, "_via": "argv", "config": {"value": "/etc/vault.d", "known": true, "_loc": loc}}]}
}
