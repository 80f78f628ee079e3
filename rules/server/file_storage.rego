# METADATA
# title: "Filesystem storage backend"
# description: |
#   storage "file" keeps data on one host's disk: no high availability, no
#   replication, and backups are whatever copies the disk. It suits a
#   laptop, not a production server; integrated storage (raft) is the
#   supported default.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration/storage/filesystem
# custom:
#   id: VG-SRV-022
#   severity: low
#   kinds: [server_config]
#   remediation: "Use storage \"raft\" (integrated storage) with three or five nodes."
package vaultguard.rules.server.file_storage

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": s._loc} if {
	some cfg in input.server_config
	some s in cfg.storage
	s._type == "file"
	msg := "storage \"file\" has no high availability or replication"
}
