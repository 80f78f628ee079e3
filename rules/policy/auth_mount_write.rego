# METADATA
# title: "Write access to auth methods or secrets engine mounts"
# description: |
#   Enabling, disabling, tuning or moving auth methods and secrets engines
#   (sys/auth/*, sys/mounts/*, sys/remount) changes who can log in and where
#   secrets live: the holder can mount a new auth method whose roles grant
#   any policy, or disable one to lock everyone out. sys/auth/* and
#   sys/remount also need sudo, which this block grants.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/api-docs/system/auth
# custom:
#   id: VG-POL-010
#   severity: high
#   kinds: [policy]
#   remediation: "Keep mount and auth-method management for a tightly held admin identity; applications never need it."
package vaultguard.rules.policy.auth_mount_write

import data.vaultguard.acl

deny contains {"msg": msg, "_loc": p._loc, "severity": severity(e.path)} if {
	some e in acl.top_entries("sys")
	count(acl.mods(e)) > 0
	hits := [area | some area in areas; effective(e, area); acl.reaches(e.path, area.prefix)]
	count(hits) > 0
	some p in acl.blocks(e)
	msg := sprintf("path %q grants %s on %s: %s", [p.path, concat(", ", acl.mods(p)), concat(", ", [h.prefix | some h in hits]), why(hits, e.path)])
}

why([h], path) := "the holder can change this mount's lease TTLs, listing visibility and audit settings" if {
	h.prefix == "sys/mounts/"
	endswith(path, "/tune")
} else := h.why

why(hits, _) := "the holder can enable, disable, tune or move auth methods and secrets engines" if count(hits) > 1

areas := [
	{"prefix": "sys/mounts/", "sudo": false, "why": "the holder can enable, disable and tune secrets engines and auth mounts"},
	{"prefix": "sys/auth/", "sudo": true, "why": "with sudo the holder can enable an auth method whose roles grant any policy"},
	{"prefix": "sys/remount", "sudo": true, "why": "with sudo the holder can move mounts and the leases under them"},
]

# Tuning one mount is routine administration; enabling, disabling
# (which destroys the mount's data) or moving mounts is not.
severity(path) := "medium" if endswith(path, "/tune")
else := "high"

effective(_, area) if not area.sudo

effective(p, area) if {
	area.sudo
	"sudo" in p.capabilities
}
