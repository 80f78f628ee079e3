package vaultguard.rules.server.inmem_storage_test

import data.vaultguard.rules.server.inmem_storage

loc := {"file": "vault.hcl", "line": 1, "column": 1, "end_line": 1, "end_column": 16}

test_inmem_fires if {
	got := inmem_storage.deny with input as {"server_config": [{"storage": [{"_type": "inmem", "_loc": loc}]}]}
	got == {{"msg": "storage \"inmem\" is dev-mode in-memory storage: every secret is lost on restart and nothing is persisted or replicated", "_loc": loc}}
}

test_inmem_ha_fires if {
	got := inmem_storage.deny with input as {"server_config": [{"ha_storage": [{"_type": "inmem_ha", "_loc": loc}]}]}
	count(got) == 1
}

test_raft_silent if {
	got := inmem_storage.deny with input as {"server_config": [{"storage": [{"_type": "raft", "_loc": loc}]}]}
	count(got) == 0
}
