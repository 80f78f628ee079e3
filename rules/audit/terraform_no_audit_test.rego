package vaultguard.rules.audit.terraform_no_audit_test

import data.vaultguard.rules.audit.terraform_no_audit

l1 := {"file": "vault/a.tf", "line": 1, "column": 1, "end_line": 1, "end_column": 30}

l2 := {"file": "vault/b.tf", "line": 3, "column": 1, "end_line": 3, "end_column": 30}

mount(l) := {"_loc": l, "_origin": "terraform", "_dir": "vault"}

test_no_audit if {
	got := terraform_no_audit.deny with input as {"mount": [mount(l2), mount(l1)]}
	got == {{"msg": "this Terraform module manages 2 Vault mount(s) but declares no vault_audit: requests to them are not recorded", "_loc": l1}}
}

test_audit_present if {
	audit := {"_loc": l2, "_origin": "terraform", "_dir": "vault"}
	count(terraform_no_audit.deny) == 0 with input as {"mount": [mount(l1)], "audit_device": [audit]}
}

test_other_dir_audit_does_not_count if {
	audit := {"_loc": l2, "_origin": "terraform", "_dir": "other"}
	count(terraform_no_audit.deny) == 1 with input as {"mount": [mount(l1)], "audit_device": [audit]}
}

test_scripts_not_checked if {
	count(terraform_no_audit.deny) == 0 with input as {"mount": [{"_loc": l1, "_origin": "script", "_dir": "vault"}]}
}
