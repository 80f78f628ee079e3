package vaultguard.rules.transit.key_export_test

import data.vaultguard.rules.transit.key_export

loc := {"file": "a.sh", "line": 1, "column": 1, "end_line": 1, "end_column": 20}

l2 := {"file": "a.sh", "line": 1, "column": 30, "end_line": 1, "end_column": 45}

t := {"value": true, "bool": true, "known": true, "_loc": l2}

test_exportable if {
	got := key_export.deny with input as {"transit_key": [{"_loc": loc, "_name": "payments", "exportable": t, "allow_plaintext_backup": t}]}
	got == {
		{"msg": "transit key \"payments\" sets exportable = true: its key material can leave Vault, and this cannot be undone on the key", "_loc": l2},
		{"msg": "transit key \"payments\" sets allow_plaintext_backup = true: its key material can leave Vault, and this cannot be undone on the key", "_loc": l2},
	}
}

test_default if {
	count(key_export.deny) == 0 with input as {"transit_key": [{"_loc": loc, "_name": "payments"}]}
}
