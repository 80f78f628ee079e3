package vaultguard.rules.database.valid_until_test

import data.vaultguard.rules.database.valid_until

loc := {"file": "a.tf", "line": 1, "column": 1, "end_line": 4, "end_column": 20}

l2 := {"file": "a.tf", "line": 2, "column": 5, "end_line": 2, "end_column": 20}

stmts(v) := {"value": v, "known": true, "_loc": l2}

test_missing if {
	role := {"_loc": loc, "_name": "app", "creation_statements": stmts(["CREATE ROLE \"{{name}}\" WITH LOGIN PASSWORD '{{password}}';"])}
	got := valid_until.deny with input as {"database_role": [role]}
	got == {{"msg": "database role \"app\" creates PostgreSQL users without VALID UNTIL '{{expiration}}': they outlive a failed revocation", "_loc": l2}}
}

test_present if {
	role := {"_loc": loc, "_name": "app", "creation_statements": stmts(["CREATE ROLE \"{{name}}\" WITH LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}';"])}
	count(valid_until.deny) == 0 with input as {"database_role": [role]}
}

test_mysql_not_checked if {
	role := {"_loc": loc, "_name": "app", "creation_statements": stmts(["CREATE USER '{{name}}'@'%' IDENTIFIED BY '{{password}}';"])}
	count(valid_until.deny) == 0 with input as {"database_role": [role]}
}

test_known_non_postgres_plugin if {
	role := {"_loc": loc, "_name": "app", "db_name": {"value": "snow", "known": true, "_loc": l2}, "creation_statements": stmts(["CREATE ROLE \"{{name}}\";"])}
	conn := {"_loc": loc, "_name": "snow", "plugin_name": {"value": "snowflake-database-plugin", "known": true, "_loc": l2}}
	count(valid_until.deny) == 0 with input as {"database_role": [role], "database_connection": [conn]}
}
