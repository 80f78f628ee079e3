package vaultguard.rules.policy.lease_mass_revoke_test

import data.vaultguard.rules.policy.lease_mass_revoke

loc := {"file": "p.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 10}

aloc := {"file": "p.hcl", "line": 2, "column": 3, "end_line": 2, "end_column": 30}

attr(v) := {"value": v, "known": true, "_loc": aloc}

blk(path, caps, extra) := object.union({"path": path, "capabilities": caps, "written": caps, "_loc": loc}, extra)

pol(path, caps, extra) := {"policy": [{"name": "p", "paths": [blk(path, caps, extra)]}]}

named(name, path, caps) := {"policy": [{"name": name, "paths": [blk(path, caps, {})]}]}

test_revoke_prefix if {
	got := lease_mass_revoke.deny with input as pol("sys/leases/revoke-prefix/database/creds/app", ["update", "sudo"], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_revoke_own if {
	count(lease_mass_revoke.deny) == 0 with input as pol("sys/leases/revoke", ["update"], {})
}
