package vaultguard.rules.cluster.no_audit_device_test

import data.vaultguard.rules.cluster.no_audit_device

loc := {"file": "vault://sys/audit", "line": 0, "column": 0, "end_line": 0, "end_column": 0}

cluster(n) := {"_kind": "cluster", "_loc": {"file": "vault://", "line": 0, "column": 0, "end_line": 0, "end_column": 0}, "audit_devices": {"value": n, "known": true, "_loc": loc}}

test_none if {
	got := no_audit_device.deny with input as {"cluster": [cluster(0)]}
	got == {{"msg": "no audit device is enabled: Vault records no request, login or denial", "_loc": loc}}
}

test_some if {
	count(no_audit_device.deny) == 0 with input as {"cluster": [cluster(1)]}
}

# sys/audit denied: the count is unknown, so nothing is said.
test_unread if {
	count(no_audit_device.deny) == 0 with input as {"cluster": [{"_kind": "cluster", "_loc": loc}]}
}
