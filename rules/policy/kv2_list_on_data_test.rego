package vaultguard.rules.policy.kv2_list_on_data_test

import data.vaultguard.rules.policy.kv2_list_on_data

loc := {"file": "p.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 10}

aloc := {"file": "p.hcl", "line": 2, "column": 3, "end_line": 2, "end_column": 30}

attr(v) := {"value": v, "known": true, "_loc": aloc}

blk(path, caps, extra) := object.union({"path": path, "capabilities": caps, "written": caps, "_loc": loc}, extra)

pol(path, caps, extra) := {"policy": [{"name": "p", "paths": [blk(path, caps, extra)]}]}

named(name, path, caps) := {"policy": [{"name": name, "paths": [blk(path, caps, {})]}]}

test_list_data if {
	got := kv2_list_on_data.deny with input as pol("secret/data/app/*", ["read", "list"], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_list_metadata if {
	count(kv2_list_on_data.deny) == 0 with input as pol("secret/metadata/app/*", ["list"], {})
}
