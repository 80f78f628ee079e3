package vaultguard.rules.policy.key_export_test

import data.vaultguard.rules.policy.key_export

loc := {"file": "p.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 10}

aloc := {"file": "p.hcl", "line": 2, "column": 3, "end_line": 2, "end_column": 30}

attr(v) := {"value": v, "known": true, "_loc": aloc}

blk(path, caps, extra) := object.union({"path": path, "capabilities": caps, "written": caps, "_loc": loc}, extra)

pol(path, caps, extra) := {"policy": [{"name": "p", "paths": [blk(path, caps, extra)]}]}

named(name, path, caps) := {"policy": [{"name": name, "paths": [blk(path, caps, {})]}]}

test_transit_export if {
	got := key_export.deny with input as pol("transit/export/encryption-key/payments", ["read"], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_key_config if {
	got := key_export.deny with input as pol("transit/keys/payments/config", ["update"], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_pki_root if {
	got := key_export.deny with input as pol("pki/root/generate/internal", ["update"], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_transit_encrypt if {
	count(key_export.deny) == 0 with input as pol("transit/encrypt/payments", ["update"], {})
}

test_pki_issue if {
	count(key_export.deny) == 0 with input as pol("pki/issue/web", ["update"], {})
}
