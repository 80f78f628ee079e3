package vaultguard.rules.policy.auth_mount_write_test

import data.vaultguard.rules.policy.auth_mount_write

loc := {"file": "p.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 10}

aloc := {"file": "p.hcl", "line": 2, "column": 3, "end_line": 2, "end_column": 30}

attr(v) := {"value": v, "known": true, "_loc": aloc}

blk(path, caps, extra) := object.union({"path": path, "capabilities": caps, "written": caps, "_loc": loc}, extra)

pol(path, caps, extra) := {"policy": [{"name": "p", "paths": [blk(path, caps, extra)]}]}

named(name, path, caps) := {"policy": [{"name": name, "paths": [blk(path, caps, {})]}]}

test_mounts_write if {
	got := auth_mount_write.deny with input as pol("sys/mounts/*", ["create", "update"], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_tune_is_medium if {
	got := auth_mount_write.deny with input as pol("sys/mounts/database/tune", ["update"], {})
	[f] := [x | some x in got]
	f.severity == "medium"
	contains(f.msg, "lease TTLs")
}

test_auth_write_sudo if {
	got := auth_mount_write.deny with input as pol("sys/auth/userpass", ["update", "sudo"], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_auth_write_without_sudo if {
	count(auth_mount_write.deny) == 0 with input as pol("sys/auth/userpass", ["update"], {})
}

test_mounts_read if {
	count(auth_mount_write.deny) == 0 with input as pol("sys/mounts", ["read"], {})
}
