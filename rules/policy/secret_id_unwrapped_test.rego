package vaultguard.rules.policy.secret_id_unwrapped_test

import data.vaultguard.rules.policy.secret_id_unwrapped

loc := {"file": "p.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 10}

aloc := {"file": "p.hcl", "line": 2, "column": 3, "end_line": 2, "end_column": 30}

attr(v) := {"value": v, "known": true, "_loc": aloc}

blk(path, caps, extra) := object.union({"path": path, "capabilities": caps, "written": caps, "_loc": loc}, extra)

pol(path, caps, extra) := {"policy": [{"name": "p", "paths": [blk(path, caps, extra)]}]}

named(name, path, caps) := {"policy": [{"name": name, "paths": [blk(path, caps, {})]}]}

test_unwrapped if {
	got := secret_id_unwrapped.deny with input as pol("auth/approle/role/app/secret-id", ["update"], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_wrapped if {
	count(secret_id_unwrapped.deny) == 0 with input as pol("auth/approle/role/app/secret-id", ["update"], {"min_wrapping_ttl": attr("1s")})
}
