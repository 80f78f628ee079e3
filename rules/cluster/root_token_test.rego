package vaultguard.rules.cluster.root_token_test

import data.vaultguard.rules.cluster.root_token

z := {"line": 0, "column": 0, "end_line": 0, "end_column": 0}

l(file) := object.union(z, {"file": file})

s(v) := {"value": v, "known": true, "_loc": l("vault://x")}

tok := {"_loc": l("vault://auth/token/accessors/abc"), "accessor": s("abc"), "display_name": s("root"), "path": s("auth/token/root")}

test_root if {
	got := root_token.deny with input as {"cluster": [{"_loc": l("vault://"), "root_token": [tok]}]}
	got == {{"msg": "root token \"root\" (accessor abc, created by auth/token/root) is still valid, and never expires", "_loc": l("vault://auth/token/accessors/abc")}}
}

test_expiring if {
	t := object.union(tok, {"expire_time": s("2027-01-01T00:00:00Z")})
	got := root_token.deny with input as {"cluster": [{"_loc": l("vault://"), "root_token": [t]}]}
	got == {{"msg": "root token \"root\" (accessor abc, created by auth/token/root) is still valid, until 2027-01-01T00:00:00Z", "_loc": l("vault://auth/token/accessors/abc")}}
}

test_none if {
	count(root_token.deny) == 0 with input as {"cluster": [{"_loc": l("vault://")}]}
}
