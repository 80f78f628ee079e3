package vaultguard.rules.audit.hmac_accessor_test

import data.vaultguard.rules.audit.hmac_accessor

loc := {"file": "a.tf", "line": 1, "column": 1, "end_line": 1, "end_column": 20}

l2 := {"file": "a.tf", "line": 5, "column": 21, "end_line": 5, "end_column": 28}

test_false if {
	d := {"_loc": loc, "_name": "file", "hmac_accessor": {"value": "false", "bool": false, "known": true, "_loc": l2}}
	got := hmac_accessor.deny with input as {"audit_device": [d]}
	got == {{"msg": "audit device \"file\" sets hmac_accessor = false: token accessors are logged in clear (useful to revoke tokens during an incident; limit who reads the log and who may use accessors)", "_loc": l2}}
}

test_default if {
	count(hmac_accessor.deny) == 0 with input as {"audit_device": [{"_loc": loc, "_name": "file"}]}
}
