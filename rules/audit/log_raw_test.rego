package vaultguard.rules.audit.log_raw_test

import data.vaultguard.rules.audit.log_raw

loc := {"file": "a.sh", "line": 1, "column": 1, "end_line": 1, "end_column": 20}

l2 := {"file": "a.sh", "line": 1, "column": 30, "end_line": 1, "end_column": 42}

test_log_raw if {
	d := {"_loc": loc, "_name": "file", "log_raw": {"value": "true", "bool": true, "known": true, "_loc": l2}}
	got := log_raw.deny with input as {"audit_device": [d]}
	got == {{"msg": "audit device \"file\" sets log_raw = true: tokens and secrets are written to the audit log in clear text", "_loc": l2}}
}

test_default if {
	d := {"_loc": loc, "_name": "file", "log_raw": {"value": "false", "bool": false, "known": true, "_loc": l2}}
	count(log_raw.deny) == 0 with input as {"audit_device": [d, {"_loc": loc}]}
}
