package vaultguard.rules.policy.sudo_glob_test

import data.vaultguard.rules.policy.sudo_glob

loc := {"file": "p.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 15}

pol(path, caps) := {"policy": [{"name": "p", "paths": [{"path": path, "capabilities": caps, "_loc": loc}]}]}

test_sudo_on_sys_glob if {
	sudo_glob.deny == {{"msg": "path \"sys/*\" grants sudo on a glob: every root-protected endpoint it matches is unlocked", "_loc": loc}} with input as pol("sys/*", ["read", "sudo"])
}

test_sudo_on_exact_sys_path if {
	count(sudo_glob.deny) == 1 with input as pol("sys/audit/file", ["sudo", "update"])
}

test_sudo_on_exact_non_sys_path_silent if {
	count(sudo_glob.deny) == 0 with input as pol("auth/token/create-orphan", ["update", "sudo"])
}

test_glob_without_sudo_silent if {
	count(sudo_glob.deny) == 0 with input as pol("sys/*", ["read"])
}
