package vaultguard.rules.policy.no_capabilities_test

import data.vaultguard.rules.policy.no_capabilities

loc := {"file": "p.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 10}

aloc := {"file": "p.hcl", "line": 2, "column": 3, "end_line": 2, "end_column": 30}

attr(v) := {"value": v, "known": true, "_loc": aloc}

blk(path, caps, extra) := object.union({"path": path, "capabilities": caps, "written": caps, "_loc": loc}, extra)

pol(path, caps, extra) := {"policy": [{"name": "p", "paths": [blk(path, caps, extra)]}]}

named(name, path, caps) := {"policy": [{"name": name, "paths": [blk(path, caps, {})]}]}

test_empty if {
	got := no_capabilities.deny with input as pol("secret/app", [], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_read if {
	count(no_capabilities.deny) == 0 with input as pol("secret/app", ["read"], {})
}
