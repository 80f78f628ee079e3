package vaultguard.rules.database.connection_tls_test

import data.vaultguard.rules.database.connection_tls

loc := {"file": "a.sh", "line": 1, "column": 1, "end_line": 4, "end_column": 20}

l2 := {"file": "a.sh", "line": 2, "column": 5, "end_line": 2, "end_column": 20}

conn(url) := {"_loc": loc, "_name": "pg", "connection_url": {"value": url, "known": true, "_loc": l2}}

test_disable if {
	got := connection_tls.deny with input as {"database_connection": [conn("postgresql://{{username}}:{{password}}@db:5432/app?sslmode=disable")]}
	got == {{"msg": "database connection \"pg\": connection_url sets sslmode=disable, so credentials and statements cross the network in clear text", "_loc": l2}}
}

test_verify_full if {
	count(connection_tls.deny) == 0 with input as {"database_connection": [conn("postgresql://{{username}}:{{password}}@db:5432/app?sslmode=verify-full")]}
}
