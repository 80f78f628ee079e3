package vaultguard.rules.cluster.single_audit_device_test

import data.vaultguard.rules.cluster.single_audit_device

z := {"line": 0, "column": 0, "end_line": 0, "end_column": 0}

cluster(n) := {"_kind": "cluster", "_loc": object.union(z, {"file": "vault://"}), "audit_devices": {"value": n, "known": true, "_loc": object.union(z, {"file": "vault://sys/audit"})}}

device(name) := {"_kind": "audit_device", "_name": name, "_origin": "vault", "_loc": object.union(z, {"file": concat("", ["vault://sys/audit/", name])})}

test_one if {
	got := single_audit_device.deny with input as {"cluster": [cluster(1)], "audit_device": [device("file")]}
	got == {{"msg": "only one audit device is enabled (\"file\"): if it fails Vault blocks every request, if it is disabled nothing is recorded", "_loc": object.union(z, {"file": "vault://sys/audit/file"})}}
}

test_two if {
	count(single_audit_device.deny) == 0 with input as {"cluster": [cluster(2)], "audit_device": [device("file"), device("socket")]}
}

test_none_is_another_rule if {
	count(single_audit_device.deny) == 0 with input as {"cluster": [cluster(0)]}
}
