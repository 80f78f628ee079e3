package vaultguard.rules.server.response_header_leak_test

import data.vaultguard.rules.server.response_header_leak

loc := {"file": "vault.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 10}

aloc := {"file": "vault.hcl", "line": 3, "column": 3, "end_line": 3, "end_column": 30}

attr(v) := {"value": v, "known": true, "_loc": aloc, "bool": to_bool(v)}

to_bool(v) := v if is_boolean(v)
else := v in {"true", "1", "t", "T", "TRUE", "True"} if is_string(v)
else := v != 0

cfg(top) := {"server_config": [object.union({"_loc": loc, "_partial": false}, top)]}

listener(attrs) := cfg({"listener": [object.union({"_type": "tcp", "_loc": loc}, attrs)]})

block(kind, typ, attrs) := cfg({kind: [object.union({"_type": typ, "_loc": loc}, attrs)]})

test_hostname if {
	got := response_header_leak.deny with input as cfg({"enable_response_header_hostname": attr(true)})
	count(got) == 1
	{f._loc | some f in got} == {aloc}
}

test_off if {
	count(response_header_leak.deny) == 0 with input as cfg({"enable_response_header_hostname": attr(false)})
}
