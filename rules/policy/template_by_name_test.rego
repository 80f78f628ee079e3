package vaultguard.rules.policy.template_by_name_test

import data.vaultguard.rules.policy.template_by_name

loc := {"file": "p.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 10}

aloc := {"file": "p.hcl", "line": 2, "column": 3, "end_line": 2, "end_column": 30}

attr(v) := {"value": v, "known": true, "_loc": aloc}

blk(path, caps, extra) := object.union({"path": path, "capabilities": caps, "written": caps, "_loc": loc}, extra)

pol(path, caps, extra) := {"policy": [{"name": "p", "paths": [blk(path, caps, extra)]}]}

named(name, path, caps) := {"policy": [{"name": name, "paths": [blk(path, caps, {})]}]}

test_entity_name if {
	got := template_by_name.deny with input as pol("secret/data/{{identity.entity.name}}/*", ["read"], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_alias_metadata if {
	got := template_by_name.deny with input as pol("secret/data/{{identity.entity.aliases.auth_k8s_1.metadata.service_account_namespace}}/*", ["read"], {})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_entity_id if {
	count(template_by_name.deny) == 0 with input as pol("secret/data/{{identity.entity.id}}/*", ["read"], {})
}
