package vaultguard.rules.policy.audit_device_write_test

import data.vaultguard.rules.policy.audit_device_write

loc := {"file": "p.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 10}

aloc := {"file": "p.hcl", "line": 2, "column": 3, "end_line": 2, "end_column": 30}

attr(v) := {"value": v, "known": true, "_loc": aloc}

blk(path, caps, extra) := object.union({"path": path, "capabilities": caps, "written": caps, "_loc": loc}, extra)

pol(path, caps, extra) := {"policy": [{"name": "p", "paths": [blk(path, caps, extra)]}]}

named(name, path, caps) := {"policy": [{"name": name, "paths": [blk(path, caps, {})]}]}

test_audit_write if {
	got := audit_device_write.deny with input as pol("sys/audit/*", ["create", "update", "delete", "sudo"], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_audit_read if {
	count(audit_device_write.deny) == 0 with input as pol("sys/audit", ["read", "sudo"], {})
}

test_audit_hash if {
	count(audit_device_write.deny) == 0 with input as pol("sys/audit-hash/file", ["update"], {})
}
