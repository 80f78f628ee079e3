package vaultguard.rules.policy.sys_config_write_test

import data.vaultguard.rules.policy.sys_config_write

loc := {"file": "p.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 10}

aloc := {"file": "p.hcl", "line": 2, "column": 3, "end_line": 2, "end_column": 30}

attr(v) := {"value": v, "known": true, "_loc": aloc}

blk(path, caps, extra) := object.union({"path": path, "capabilities": caps, "written": caps, "_loc": loc}, extra)

pol(path, caps, extra) := {"policy": [{"name": "p", "paths": [blk(path, caps, extra)]}]}

named(name, path, caps) := {"policy": [{"name": name, "paths": [blk(path, caps, {})]}]}

test_quotas if {
	got := sys_config_write.deny with input as pol("sys/quotas/rate-limit/*", ["create", "update"], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_mfa if {
	got := sys_config_write.deny with input as pol("identity/mfa/login-enforcement/admins", ["delete"], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_read if {
	count(sys_config_write.deny) == 0 with input as pol("sys/quotas/rate-limit/global", ["read"], {})
}
