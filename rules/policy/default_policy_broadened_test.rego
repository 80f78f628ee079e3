package vaultguard.rules.policy.default_policy_broadened_test

import data.vaultguard.rules.policy.default_policy_broadened

loc := {"file": "p.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 10}

aloc := {"file": "p.hcl", "line": 2, "column": 3, "end_line": 2, "end_column": 30}

attr(v) := {"value": v, "known": true, "_loc": aloc}

blk(path, caps, extra) := object.union({"path": path, "capabilities": caps, "written": caps, "_loc": loc}, extra)

pol(path, caps, extra) := {"policy": [{"name": "p", "paths": [blk(path, caps, extra)]}]}

named(name, path, caps) := {"policy": [{"name": name, "paths": [blk(path, caps, {})]}]}

test_added if {
	got := default_policy_broadened.deny with input as named("default", "secret/data/shared/*", ["read"])
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_builtin if {
	count(default_policy_broadened.deny) == 0 with input as named("default", "auth/token/lookup-self", ["read"])
}

test_other_policy if {
	count(default_policy_broadened.deny) == 0 with input as named("app", "secret/data/shared/*", ["read"])
}
