package vaultguard.rules.server.conflicting_files_test

import data.vaultguard.rules.server.conflicting_files

loc := {"file": "vault.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 10}

aloc := {"file": "vault.hcl", "line": 3, "column": 3, "end_line": 3, "end_column": 30}

attr(v) := {"value": v, "known": true, "_loc": aloc, "bool": to_bool(v)}

to_bool(v) := v if is_boolean(v)
else := v in {"true", "1", "t", "T", "TRUE", "True"} if is_string(v)
else := v != 0

cfg(top) := {"server_config": [object.union({"_loc": loc, "_partial": false}, top)]}

listener(attrs) := cfg({"listener": [object.union({"_type": "tcp", "_loc": loc}, attrs)]})

block(kind, typ, attrs) := cfg({kind: [object.union({"_type": typ, "_loc": loc}, attrs)]})

test_conflict if {
	got := conflicting_files.deny with input as cfg({"_conflicts": [{"key": "log_level", "files": ["a.hcl", "b.hcl"]}]})
	count(got) == 1
	{f._loc | some f in got} == {loc}
}

test_none if {
	count(conflicting_files.deny) == 0 with input as cfg({})
}
