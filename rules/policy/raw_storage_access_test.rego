package vaultguard.rules.policy.raw_storage_access_test

import data.vaultguard.rules.policy.raw_storage_access

loc := {"file": "p.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 10}

aloc := {"file": "p.hcl", "line": 2, "column": 3, "end_line": 2, "end_column": 30}

attr(v) := {"value": v, "known": true, "_loc": aloc}

blk(path, caps, extra) := object.union({"path": path, "capabilities": caps, "written": caps, "_loc": loc}, extra)

pol(path, caps, extra) := {"policy": [{"name": "p", "paths": [blk(path, caps, extra)]}]}

named(name, path, caps) := {"policy": [{"name": name, "paths": [blk(path, caps, {})]}]}

test_raw if {
	got := raw_storage_access.deny with input as pol("sys/raw/*", ["read", "sudo"], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_raw_denied if {
	count(raw_storage_access.deny) == 0 with input as pol("sys/raw/*", ["deny"], {})
}

test_other_sys if {
	count(raw_storage_access.deny) == 0 with input as pol("sys/health", ["read"], {})
}
