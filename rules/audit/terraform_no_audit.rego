# METADATA
# title: Terraform module manages Vault without an audit device
# description: |
#   A Terraform root module that enables auth methods or secrets engines
#   configures a Vault that serves requests; without a vault_audit in the
#   same module nothing records them (unless audit devices are managed
#   elsewhere, which a reviewer cannot see from here). Checked per
#   directory: the finding points at the module's first mount.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/production-hardening#enable-auditing
#   - ref: https://registry.terraform.io/providers/hashicorp/vault/latest/docs/resources/audit
# custom:
#   id: VG-AUD-004
#   severity: medium
#   kinds: [mount, audit_device]
#   remediation: Add a vault_audit resource (file or socket device) to the module that configures Vault, or ignore this finding with the name of the module that manages audit devices.
package vaultguard.rules.audit.terraform_no_audit

deny contains {"msg": msg, "_loc": first._loc} if {
	some dir in {m._dir | some m in input.mount; m._origin == "terraform"}
	not has_audit(dir)
	mounts := [m | some m in input.mount; m._origin == "terraform"; m._dir == dir]
	keys := sort([key(m) | some m in mounts])
	some first in mounts
	key(first) == keys[0]
	msg := sprintf("this Terraform module manages %d Vault mount(s) but declares no vault_audit: requests to them are not recorded", [count(mounts)])
}

has_audit(dir) if {
	some d in input.audit_device
	d._origin == "terraform"
	d._dir == dir
}

key(m) := [m._loc.file, m._loc.line, m._loc.column]
