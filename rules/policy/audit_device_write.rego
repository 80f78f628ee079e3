# METADATA
# title: "Write access to audit devices"
# description: |
#   Whoever can enable, disable or reconfigure audit devices (sys/audit/*,
#   sys/config/auditing/*) can switch off the record of what they do next,
#   or point a file device at a path Vault executes (CVE-2025-6000). Audit
#   device management needs sudo, and this block grants it.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/production-hardening
# custom:
#   id: VG-POL-014
#   severity: critical
#   kinds: [policy]
#   remediation: "Reserve audit device management for a break-glass identity; monitoring needs read on sys/audit at most."
package vaultguard.rules.policy.audit_device_write

import data.vaultguard.acl

deny contains {"msg": msg, "_loc": p._loc} if {
	some e in acl.top_entries("sys")
	count(acl.mods(e)) > 0
	"sudo" in e.capabilities
	hits := [trim_suffix(prefix, "/") | some prefix in ["sys/audit/", "sys/config/auditing/"]; acl.reaches(e.path, prefix)]
	count(hits) > 0
	some p in acl.blocks(e)
	msg := sprintf("path %q grants %s with sudo on %s: the holder can disable or redirect auditing", [p.path, concat(", ", acl.mods(p)), concat(", ", hits)])
}
