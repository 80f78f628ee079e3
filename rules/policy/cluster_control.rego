# METADATA
# title: "Control over the cluster's keys, seal or raft storage"
# description: |
#   Generating a root token (sys/generate-root*), rekeying (sys/rekey*),
#   rotating the keyring (sys/rotate*), sealing (sys/seal), forcing a step-
#   down, managing raft peers or taking raft snapshots (sys/storage/raft/*,
#   which hold every secret) and issuing replication secondary tokens are
#   operator actions: in the wrong hands they mean a root token, a denial of
#   service, or a full copy of the data.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/policies#root-protected-api-endpoints
# custom:
#   id: VG-POL-016
#   severity: high
#   kinds: [policy]
#   remediation: "Keep these paths out of application and CI policies; give them to an operator identity that requires MFA or a control group."
package vaultguard.rules.policy.cluster_control

import data.vaultguard.acl

deny contains {"msg": msg, "_loc": p._loc} if {
	some e in acl.top_entries("sys")
	hits := [area |
		some area in areas
		count([c | some c in e.capabilities; c in area.caps]) > 0
		acl.reaches(e.path, area.prefix)
	]
	count(hits) > 0
	caps := {c | some h in hits; some c in e.capabilities; c in h.caps}
	some p in acl.blocks(e)
	msg := sprintf("path %q grants %s on %s: %s", [p.path, concat(", ", sort(caps)), concat(", ", [h.prefix | some h in hits]), why(hits)])
}

why([h]) := h.why

why(hits) := "operator actions: root token generation, rekey, seal, raft snapshots and peers" if count(hits) > 1

write := {"create", "update", "patch", "delete", "sudo"}

areas := [
	{"prefix": "sys/generate-root", "caps": write, "why": "the holder can take part in generating a root token"},
	{"prefix": "sys/generate-recovery-token", "caps": write, "why": "the holder can take part in generating a recovery token"},
	{"prefix": "sys/rekey", "caps": write, "why": "the holder can start or cancel a rekey of the unseal keys"},
	{"prefix": "sys/rotate", "caps": write, "why": "the holder can rotate the keyring or root key"},
	{"prefix": "sys/seal", "caps": write, "why": "the holder can seal Vault, an outage until it is unsealed"},
	{"prefix": "sys/step-down", "caps": write, "why": "the holder can force the active node to step down"},
	{"prefix": "sys/storage/raft/", "caps": write | {"read"}, "why": "raft snapshots hold every secret, and peer changes can split the cluster"},
	{"prefix": "sys/replication/", "caps": write, "why": "the holder can change replication or issue secondary tokens"},
]
