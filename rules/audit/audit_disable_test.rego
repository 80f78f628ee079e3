package vaultguard.rules.audit.audit_disable_test

import data.vaultguard.rules.audit.audit_disable

loc := {"file": "a.sh", "line": 7, "column": 1, "end_line": 7, "end_column": 26}

test_disable if {
	got := audit_disable.deny with input as {"audit_device": [{"_loc": loc, "_name": "file", "_action": "disable"}]}
	got == {{"msg": "the script disables audit device \"file\": requests to it stop being recorded", "_loc": loc}}
}

test_enable if {
	count(audit_disable.deny) == 0 with input as {"audit_device": [{"_loc": loc, "_name": "file"}]}
}
