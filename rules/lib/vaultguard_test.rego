package vaultguard.lib_test

import data.vaultguard.lib

test_stem if {
	lib.stem("sys/policies/acl/*") == "sys/policies/acl/"
	lib.stem("secret/+/config") == "secret/"
	lib.stem("*") == ""
	lib.stem("secret/data/x") == "secret/data/x"
}

test_may_reach if {
	lib.may_reach("sys/*", "sys/pol")
	lib.may_reach("*", "sys/pol")
	lib.may_reach("sys/policies/acl/x", "sys/pol")
	not lib.may_reach("secret/*", "sys/pol")
	not lib.may_reach("sys/mounts/*", "sys/pol")
}

test_path_matches if {
	lib.path_matches("sys/policies/+/*", "sys/policies/acl/x")
	lib.path_matches("secret/*", "secret/a/b")
	not lib.path_matches("secret/*/config", "secret/a/config")
	lib.path_matches("secret/*/config", "secret/*/config")
}
