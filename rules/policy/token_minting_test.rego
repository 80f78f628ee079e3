package vaultguard.rules.policy.token_minting_test

import data.vaultguard.rules.policy.token_minting

loc := {"file": "p.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 10}

aloc := {"file": "p.hcl", "line": 2, "column": 3, "end_line": 2, "end_column": 30}

attr(v) := {"value": v, "known": true, "_loc": aloc}

blk(path, caps, extra) := object.union({"path": path, "capabilities": caps, "written": caps, "_loc": loc}, extra)

pol(path, caps, extra) := {"policy": [{"name": "p", "paths": [blk(path, caps, extra)]}]}

named(name, path, caps) := {"policy": [{"name": name, "paths": [blk(path, caps, {})]}]}

test_roles_write if {
	got := token_minting.deny with input as pol("auth/token/roles/*", ["create", "update"], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_create_sudo if {
	got := token_minting.deny with input as pol("auth/token/create", ["update", "sudo"], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_roles_limited if {
	count(token_minting.deny) == 0 with input as pol("auth/token/roles/*", ["update"], {"allowed_parameters": attr({"allowed_policies": ["app-*"], "*": []})})
}

test_create_without_sudo if {
	count(token_minting.deny) == 0 with input as pol("auth/token/create", ["update"], {})
}
