package vaultguard.rules.policy.auth_role_write_test

import data.vaultguard.rules.policy.auth_role_write

loc := {"file": "p.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 10}

aloc := {"file": "p.hcl", "line": 2, "column": 3, "end_line": 2, "end_column": 30}

attr(v) := {"value": v, "known": true, "_loc": aloc}

blk(path, caps, extra) := object.union({"path": path, "capabilities": caps, "written": caps, "_loc": loc}, extra)

pol(path, caps, extra) := {"policy": [{"name": "p", "paths": [blk(path, caps, extra)]}]}

named(name, path, caps) := {"policy": [{"name": name, "paths": [blk(path, caps, {})]}]}

test_approle_role_glob if {
	got := auth_role_write.deny with input as pol("auth/approle/role/*", ["create", "update"], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_userpass_user if {
	got := auth_role_write.deny with input as pol("auth/userpass/users/bob", ["update"], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_doc_denied_parameters if {
	count(auth_role_write.deny) == 0 with input as pol("auth/userpass/users/*", ["update"], {"denied_parameters": attr({"token_policies": [], "policies": []})})
}

test_secret_id_subpath if {
	count(auth_role_write.deny) == 0 with input as pol("auth/approle/role/app/secret-id", ["update"], {})
}

test_token_store if {
	count(auth_role_write.deny) == 0 with input as pol("auth/token/roles/x", ["update"], {})
}
