package vaultguard.rules.policy.deny_mixed_test

import data.vaultguard.rules.policy.deny_mixed

loc := {"file": "p.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 10}

aloc := {"file": "p.hcl", "line": 2, "column": 3, "end_line": 2, "end_column": 30}

attr(v) := {"value": v, "known": true, "_loc": aloc}

blk(path, caps, extra) := object.union({"path": path, "capabilities": caps, "written": caps, "_loc": loc}, extra)

pol(path, caps, extra) := {"policy": [{"name": "p", "paths": [blk(path, caps, extra)]}]}

named(name, path, caps) := {"policy": [{"name": name, "paths": [blk(path, caps, {})]}]}

test_mixed if {
	got := deny_mixed.deny with input as pol("secret/app", ["deny"], {"written": ["read", "deny"], "capabilities_attr": attr(["read", "deny"])})
	count(got) == 1
	{f._loc | some f in got} == {aloc}
}

test_deny_alone if {
	count(deny_mixed.deny) == 0 with input as pol("secret/app", ["deny"], {"written": ["deny"], "capabilities_attr": attr(["deny"])})
}
