package vaultguard.rules.policy.kv2_parameter_constraints_test

import data.vaultguard.rules.policy.kv2_parameter_constraints

loc := {"file": "p.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 10}

aloc := {"file": "p.hcl", "line": 2, "column": 3, "end_line": 2, "end_column": 30}

attr(v) := {"value": v, "known": true, "_loc": aloc}

blk(path, caps, extra) := object.union({"path": path, "capabilities": caps, "written": caps, "_loc": loc}, extra)

pol(path, caps, extra) := {"policy": [{"name": "p", "paths": [blk(path, caps, extra)]}]}

named(name, path, caps) := {"policy": [{"name": name, "paths": [blk(path, caps, {})]}]}

test_kv2 if {
	got := kv2_parameter_constraints.deny with input as pol("secret/data/app", ["create"], {"allowed_parameters": attr({"password": []})})
	count(got) == 1
	{f._loc | some f in got} == {aloc}
}

test_kv1 if {
	count(kv2_parameter_constraints.deny) == 0 with input as pol("kv/app", ["create"], {"allowed_parameters": attr({"password": []})})
}
