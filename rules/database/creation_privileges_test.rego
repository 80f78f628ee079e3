package vaultguard.rules.database.creation_privileges_test

import data.vaultguard.rules.database.creation_privileges

loc := {"file": "a.sh", "line": 1, "column": 1, "end_line": 4, "end_column": 20}

l2 := {"file": "a.sh", "line": 2, "column": 5, "end_line": 2, "end_column": 20}

stmts(v) := {"value": v, "known": true, "_loc": l2}

test_superuser if {
	role := {"_loc": loc, "_name": "dba", "creation_statements": stmts(["CREATE ROLE \"{{name}}\" WITH SUPERUSER LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}';"])}
	got := creation_privileges.deny with input as {"database_role": [role]}
	got == {{"msg": "database role \"dba\" creates users with SUPERUSER", "_loc": l2}}
}

test_grant_all_with_grant_option if {
	role := {"_loc": loc, "_name": "app", "creation_statements": stmts(["CREATE USER '{{name}}'@'%' IDENTIFIED BY '{{password}}';", "GRANT ALL ON *.* TO '{{name}}'@'%' WITH GRANT OPTION;"])}
	got := creation_privileges.deny with input as {"database_role": [role]}
	got == {{"msg": "database role \"app\" creates users with ALL PRIVILEGES, WITH GRANT OPTION", "_loc": l2}}
}

test_least_privilege if {
	role := {"_loc": loc, "_name": "ro", "creation_statements": stmts("CREATE ROLE \"{{name}}\" WITH LOGIN NOSUPERUSER PASSWORD '{{password}}' VALID UNTIL '{{expiration}}'; GRANT SELECT ON ALL TABLES IN SCHEMA public TO \"{{name}}\";")}
	count(creation_privileges.deny) == 0 with input as {"database_role": [role]}
}
