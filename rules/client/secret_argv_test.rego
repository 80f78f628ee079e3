package vaultguard.rules.client.secret_argv_test

import data.vaultguard.rules.client.secret_argv

loc := {"file": "a.sh", "line": 4, "column": 1, "end_line": 6, "end_column": 20}

l2 := {"file": "a.sh", "line": 6, "column": 5, "end_line": 6, "end_column": 30}

test_password_variable if {
	c := {"_kind": "database_connection", "_origin": "script", "_loc": loc, "password": {"value": null, "known": false, "text": "$PGPASSWORD", "_loc": l2}}
	got := secret_argv.deny with input as {"database_connection": [c]}
	got == {{"msg": "password is passed on the command line, where ps, shell history and CI logs see it; use password=- (stdin) or password=@FILE", "_loc": l2}}
}

test_login_token if {
	p := {"_kind": "provider", "_origin": "markdown", "_via": "argv", "_method": "token", "_loc": loc, "token": {"value": "s.abc", "known": true, "_loc": l2}}
	got := secret_argv.deny with input as {"provider": [p]}
	got == {{"msg": "the token is passed to vault login on the command line, where ps, shell history and CI logs see it; run `vault login` (it prompts) or pipe the token to `vault login -`", "_loc": l2}}
}

test_curl_token if {
	p := {"_kind": "provider", "_origin": "script", "_via": "argv", "_loc": loc, "token": {"value": "hvs.x", "known": true, "_loc": l2}}
	got := secret_argv.deny with input as {"provider": [p]}
	got == {{"msg": "a Vault token is written into a command's arguments, where ps, shell history and CI logs see it; read it from a file or the environment instead", "_loc": l2}}
}

test_userpass_login_password if {
	p := {"_kind": "provider", "_origin": "script", "_via": "argv", "_method": "userpass", "_loc": loc, "password": {"value": "x", "known": true, "_loc": l2}}
	got := secret_argv.deny with input as {"provider": [p]}
	got == {{"msg": "password is passed on the command line, where ps, shell history and CI logs see it; use password=- (stdin) or password=@FILE", "_loc": l2}}
}

test_stdin_file_env_terraform if {
	stdin := {"_kind": "database_connection", "_origin": "script", "_loc": loc, "password": {"value": null, "known": false, "text": "-", "_loc": l2}}
	file := {"_kind": "auth_role", "_origin": "script", "_loc": loc, "password": {"value": null, "known": false, "text": "@pw.txt", "_loc": l2}}
	env := {"_kind": "provider", "_origin": "script", "_via": "env", "_loc": loc, "token": {"value": "x", "known": true, "_loc": l2}}
	tf := {"_kind": "database_connection", "_origin": "terraform", "_loc": loc, "password": {"value": null, "known": false, "text": "var.pw", "_loc": l2}}
	count(secret_argv.deny) == 0 with input as {"database_connection": [stdin, tf], "auth_role": [file], "provider": [env]}
}

test_kv_put if {
	c := {"_kind": "vault_command", "_origin": "script", "_loc": loc, "_name": "secret/app", "db_password": {"value": "x", "known": true, "_loc": l2}, "secret_id_ttl": {"value": "1h", "known": true, "_loc": l2}, "username": {"value": "app", "known": true, "_loc": l2}}
	got := secret_argv.deny with input as {"vault_command": [c]}
	got == {{"msg": "db_password is passed on the command line, where ps, shell history and CI logs see it; use db_password=- (stdin) or db_password=@FILE", "_loc": l2}}
}
