# METADATA
# title: "Mass lease revocation"
# description: |
#   sys/leases/revoke-prefix/* and sys/leases/revoke-force/* (and their
#   legacy sys/revoke-prefix and sys/revoke-force forms) revoke every lease
#   under a prefix at once: every database credential, cloud key and token
#   issued there. In the wrong hands it is an outage across every
#   application that uses them.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/api-docs/system/leases#revoke-prefix
# custom:
#   id: VG-POL-017
#   severity: high
#   kinds: [policy]
#   remediation: "Give applications sys/leases/revoke on their own leases; keep prefix and force revocation for operators."
package vaultguard.rules.policy.lease_mass_revoke

import data.vaultguard.acl

deny contains {"msg": msg, "_loc": p._loc} if {
	some e in acl.top_entries("sys")
	caps := [c | some c in e.capabilities; c in {"update", "sudo"}]
	count(caps) > 0
	hits := [trim_suffix(prefix, "/") |
		some prefix in ["sys/leases/revoke-prefix/", "sys/leases/revoke-force/", "sys/revoke-prefix/", "sys/revoke-force/"]
		acl.reaches(e.path, prefix)
	]
	count(hits) > 0
	some p in acl.blocks(e)
	msg := sprintf("path %q grants %s on %s: the holder can revoke every lease under a prefix at once", [p.path, concat(", ", caps), concat(", ", hits)])
}
