# METADATA
# title: "mlock disabled with storage other than raft"
# description: |
#   disable_mlock = true lets the OS swap Vault's memory, decrypted secrets
#   and keys included, to disk. The configuration documentation recommends
#   it only for integrated storage (raft), where mlock interacts badly with
#   memory-mapped files, together with swap disabled on the host.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration#disable_mlock
# custom:
#   id: VG-SRV-019
#   severity: medium
#   kinds: [server_config]
#   remediation: "Remove disable_mlock (or set it to false) for this storage backend, and give the process the IPC_LOCK capability."
package vaultguard.rules.server.mlock_disabled

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": cfg.disable_mlock._loc} if {
	some cfg in input.server_config
	cfg.disable_mlock.bool
	some s in cfg.storage
	not s._type in {"raft", "inmem"}
	msg := sprintf("disable_mlock = true with %s storage: secrets in memory may be swapped to disk", [s._type])
}
