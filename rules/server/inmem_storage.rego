# METADATA
# title: Dev-mode in-memory storage
# description: |
#   storage "inmem" is what `vault server -dev` uses: every secret, lease and
#   token lives in process memory and is lost on restart, there is no HA and
#   no encryption barrier on disk to protect. HashiCorp: "Never, ever, ever
#   run a dev mode server in production."
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/dev-server
# custom:
#   id: VG-SRV-001
#   severity: critical
#   kinds: [server_config]
#   remediation: Use persistent storage, preferably storage "raft" (integrated storage) on a dedicated volume.
package vaultguard.rules.server.inmem_storage

deny contains {"msg": msg, "_loc": s._loc} if {
	some cfg in input.server_config
	some key in ["storage", "ha_storage"]
	some s in cfg[key]
	startswith(s._type, "inmem")
	msg := sprintf("%s %q is dev-mode in-memory storage: every secret is lost on restart and nothing is persisted or replicated", [key, s._type])
}
