package vaultguard.acl_test

import data.vaultguard.acl

test_kinds if {
	acl.kind("secret/foo") == "exact"
	acl.kind("secret/*") == "prefix"
	acl.kind("secret/+/x") == "segments"
	acl.kind("+") == "segments"
	acl.kind("secret/+/*") == "segments"
}

# The documented priority examples: (lower, higher).
test_priority_doc_examples if {
	every pair in [
		["secret/+/+/foo/*", "secret/*"],
		["foo/+", "foo/a*"],
		["foo/+/bar/baz", "foo/bar/+/baz"],
		["foo/+/ba*", "foo/+/bar"],
		["foo/*", "foo/+"],
		["foo/+/+/baz", "foo/bar/+/baz"],
		["foo/+/bar/b*", "foo/+/bar/ba*"],
		["a/+/+/*", "a/+/*"],
		["secret/*", "secret/foo"],
	] {
		acl.higher(pair[1], pair[0])
		not acl.higher(pair[0], pair[1])
	}
}

test_matches if {
	acl.matches("secret/+/teamb", "secret/foo/teamb")
	not acl.matches("secret/+/teamb", "secret/foo/bar/teamb")
	acl.matches("secret/zip-*", "secret/zip-zap/zong")
	not acl.matches("secret/bar/*", "secret/bars/zip")
	acl.matches("secret/+/*", "secret/a/")
	not acl.matches("secret/+/*", "secret/a")
}

test_overlap if {
	acl.overlap("secret/+/config", "secret/app/*")
	acl.witness("secret/+/config", "secret/app/*") == "secret/app/config"
	not acl.overlap("secret/+/config", "kv/*")
	not acl.overlap("secret/a/+", "secret/b/+")
}

test_covers if {
	acl.covers("a/+/*", "a/+/+/*")
	acl.covers("secret/*", "secret/+/x")
	not acl.covers("a/+/+/*", "a/+/*")
	acl.covers("a/+/b", "a/x/b")
	not acl.covers("a/x/b", "a/+/b")
	not acl.covers("secret/+", "secret/*")
}

test_co_held if {
	inp := {
		"policy": [{"name": "a"}, {"name": "b"}, {"name": "c"}, {"name": "default"}],
		"approle_role": [{"token_policies": {"value": "a, b"}}],
	}
	pairs := acl.pairs with input as inp
	[0, 1] in pairs
	[1, 0] in pairs
	[2, 3] in pairs
	not [0, 2] in pairs
}
