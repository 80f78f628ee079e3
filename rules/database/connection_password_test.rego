package vaultguard.rules.database.connection_password_test

import data.vaultguard.rules.database.connection_password

loc := {"file": "a.tf", "line": 1, "column": 1, "end_line": 4, "end_column": 20}

l2 := {"file": "a.tf", "line": 2, "column": 5, "end_line": 2, "end_column": 20}

test_url_password if {
	c := {"_loc": loc, "_name": "pg", "_origin": "script", "connection_url": {"value": "postgresql://vault:s3cret@db:5432/app", "known": true, "_loc": l2}}
	got := connection_password.deny with input as {"database_connection": [c]}
	got == {{"msg": "database connection \"pg\": connection_url embeds a password; use {{username}}:{{password}} and the password field", "_loc": l2}}
}

test_template if {
	c := {"_loc": loc, "_name": "pg", "_origin": "script", "connection_url": {"value": "postgresql://{{username}}:{{password}}@db:5432/app", "known": true, "_loc": l2}}
	count(connection_password.deny) == 0 with input as {"database_connection": [c]}
}

test_terraform_literal if {
	c := {"_loc": loc, "_name": "db2", "_origin": "terraform", "password": {"value": "super_secret_2", "known": true, "_loc": l2}}
	got := connection_password.deny with input as {"database_connection": [c]}
	got == {{"msg": "database connection \"db2\": password is a literal in Terraform code, kept in clear in version control and in the state", "_loc": l2}}
}

test_terraform_variable if {
	c := {"_loc": loc, "_name": "db2", "_origin": "terraform", "password": {"value": null, "known": false, "text": "var.db_password", "_loc": l2}}
	count(connection_password.deny) == 0 with input as {"database_connection": [c]}
}

test_mysql_dsn if {
	c := {"_loc": loc, "_name": "my", "_origin": "script", "connection_url": {"value": "vault:hunter2@tcp(db:3306)/", "known": true, "_loc": l2}}
	count(connection_password.deny) == 1 with input as {"database_connection": [c]}
	t := {"_loc": loc, "_name": "my", "_origin": "script", "connection_url": {"value": "{{username}}:{{password}}@tcp(db:3306)/", "known": true, "_loc": l2}}
	count(connection_password.deny) == 0 with input as {"database_connection": [t]}
}
