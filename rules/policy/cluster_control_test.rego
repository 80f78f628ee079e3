package vaultguard.rules.policy.cluster_control_test

import data.vaultguard.rules.policy.cluster_control

loc := {"file": "p.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 10}

aloc := {"file": "p.hcl", "line": 2, "column": 3, "end_line": 2, "end_column": 30}

attr(v) := {"value": v, "known": true, "_loc": aloc}

blk(path, caps, extra) := object.union({"path": path, "capabilities": caps, "written": caps, "_loc": loc}, extra)

pol(path, caps, extra) := {"policy": [{"name": "p", "paths": [blk(path, caps, extra)]}]}

named(name, path, caps) := {"policy": [{"name": name, "paths": [blk(path, caps, {})]}]}

test_seal if {
	got := cluster_control.deny with input as pol("sys/seal", ["update", "sudo"], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_raft_snapshot_read if {
	got := cluster_control.deny with input as pol("sys/storage/raft/snapshot", ["read"], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_seal_status if {
	count(cluster_control.deny) == 0 with input as pol("sys/seal-status", ["read"], {})
}

test_health if {
	count(cluster_control.deny) == 0 with input as pol("sys/health", ["read"], {})
}
