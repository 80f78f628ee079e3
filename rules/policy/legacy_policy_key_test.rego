package vaultguard.rules.policy.legacy_policy_key_test

import data.vaultguard.rules.policy.legacy_policy_key

loc := {"file": "p.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 10}

aloc := {"file": "p.hcl", "line": 2, "column": 3, "end_line": 2, "end_column": 30}

attr(v) := {"value": v, "known": true, "_loc": aloc}

blk(path, caps, extra) := object.union({"path": path, "capabilities": caps, "written": caps, "_loc": loc}, extra)

pol(path, caps, extra) := {"policy": [{"name": "p", "paths": [blk(path, caps, extra)]}]}

named(name, path, caps) := {"policy": [{"name": name, "paths": [blk(path, caps, {})]}]}

test_legacy if {
	got := legacy_policy_key.deny with input as pol("secret/app", ["read", "list"], {"policy": attr("read")})
	count(got) == 1
	{f._loc | some f in got} == {aloc}
}

test_capabilities if {
	count(legacy_policy_key.deny) == 0 with input as pol("secret/app", ["read"], {})
}
