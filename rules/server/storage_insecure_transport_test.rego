package vaultguard.rules.server.storage_insecure_transport_test

import data.vaultguard.rules.server.storage_insecure_transport

loc := {"file": "vault.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 10}

aloc := {"file": "vault.hcl", "line": 3, "column": 3, "end_line": 3, "end_column": 30}

attr(v) := {"value": v, "known": true, "_loc": aloc, "bool": to_bool(v)}

to_bool(v) := v if is_boolean(v)
else := v in {"true", "1", "t", "T", "TRUE", "True"} if is_string(v)
else := v != 0

cfg(top) := {"server_config": [object.union({"_loc": loc, "_partial": false}, top)]}

listener(attrs) := cfg({"listener": [object.union({"_type": "tcp", "_loc": loc}, attrs)]})

block(kind, typ, attrs) := cfg({kind: [object.union({"_type": typ, "_loc": loc}, attrs)]})

test_consul_http if {
	got := storage_insecure_transport.deny with input as block("storage", "consul", {"scheme": attr("http"), "address": attr("consul.internal:8500")})
	count(got) == 1
	{f._loc | some f in got} == {aloc}
}

test_raft_http if {
	got := storage_insecure_transport.deny with input as block("storage", "raft", {"retry_join": [{"_loc": loc, "leader_api_addr": attr("http://vault-2:8200")}]})
	count(got) == 1
	{f._loc | some f in got} == {aloc}
}

test_consul_local_http if {
	count(storage_insecure_transport.deny) == 0 with input as block("storage", "consul", {"scheme": attr("http"), "address": attr("127.0.0.1:8500")})
}

test_raft_https if {
	count(storage_insecure_transport.deny) == 0 with input as block("storage", "raft", {"retry_join": [{"_loc": loc, "leader_api_addr": attr("https://vault-2:8200")}]})
}
