package vaultguard.rules.policy.policy_store_write_test

import data.vaultguard.rules.policy.policy_store_write
import data.vaultguard.lib

# The input carries each path's glob flag, as the Go model computes it.
glob(path) := true if lib.is_glob(path)
else := false

loc := {"file": "p.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 15}

pol(path, caps) := {"policy": [{"name": "p", "paths": [{"path": path, "glob": glob(path), "capabilities": caps, "_loc": loc}]}]}

test_acl_glob_write if {
	policy_store_write.deny == {{"msg": "path \"sys/policies/acl/*\" grants create, update on the ACL policy store: a holder can rewrite its own policies and grant itself anything", "_loc": loc}} with input as pol("sys/policies/acl/*", ["create", "update", "read"])
}

test_sys_glob_write if {
	count(policy_store_write.deny) == 1 with input as pol("sys/*", ["update"])
}

test_star_write if {
	count(policy_store_write.deny) == 1 with input as pol("*", ["create"])
}

test_plus_segment_write if {
	count(policy_store_write.deny) == 1 with input as pol("sys/policies/+/+", ["update"])
}

test_legacy_path if {
	count(policy_store_write.deny) == 1 with input as pol("sys/policy/admin", ["update"])
}

test_read_only_silent if {
	count(policy_store_write.deny) == 0 with input as pol("sys/policies/acl/*", ["read", "list"])
}

test_other_sys_path_silent if {
	count(policy_store_write.deny) == 0 with input as pol("sys/mounts/*", ["update"])
}
