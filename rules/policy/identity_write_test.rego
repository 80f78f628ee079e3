package vaultguard.rules.policy.identity_write_test

import data.vaultguard.rules.policy.identity_write

loc := {"file": "p.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 10}

aloc := {"file": "p.hcl", "line": 2, "column": 3, "end_line": 2, "end_column": 30}

attr(v) := {"value": v, "known": true, "_loc": aloc}

blk(path, caps, extra) := object.union({"path": path, "capabilities": caps, "written": caps, "_loc": loc}, extra)

pol(path, caps, extra) := {"policy": [{"name": "p", "paths": [blk(path, caps, extra)]}]}

named(name, path, caps) := {"policy": [{"name": name, "paths": [blk(path, caps, {})]}]}

test_group_write if {
	got := identity_write.deny with input as pol("identity/group/*", ["create", "update"], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_self_entity_write if {
	got := identity_write.deny with input as pol("identity/entity/id/{{identity.entity.id}}", ["update"], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_read_only if {
	count(identity_write.deny) == 0 with input as pol("identity/group/*", ["read", "list"], {})
}

test_constrained if {
	count(identity_write.deny) == 0 with input as pol("identity/entity/id/x", ["update"], {"allowed_parameters": attr({"metadata": []})})
}
