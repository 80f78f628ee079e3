package vaultguard.rules.policy.sudo_unneeded_test

import data.vaultguard.rules.policy.sudo_unneeded

loc := {"file": "p.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 10}

aloc := {"file": "p.hcl", "line": 2, "column": 3, "end_line": 2, "end_column": 30}

attr(v) := {"value": v, "known": true, "_loc": aloc}

blk(path, caps, extra) := object.union({"path": path, "capabilities": caps, "written": caps, "_loc": loc}, extra)

pol(path, caps, extra) := {"policy": [{"name": "p", "paths": [blk(path, caps, extra)]}]}

named(name, path, caps) := {"policy": [{"name": name, "paths": [blk(path, caps, {})]}]}

test_kv_sudo if {
	got := sudo_unneeded.deny with input as pol("secret/data/app", ["read", "sudo"], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_revoke_orphan if {
	count(sudo_unneeded.deny) == 0 with input as pol("auth/token/revoke-orphan", ["update", "sudo"], {})
}

test_sys_is_other_rule if {
	count(sudo_unneeded.deny) == 0 with input as pol("sys/mounts/x", ["update", "sudo"], {})
}
