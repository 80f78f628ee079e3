# METADATA
# title: No auto-unseal
# description: |
#   Without a seal stanza (or with only seal "shamir") the server starts
#   sealed after every restart and waits for operators to type unseal keys,
#   which means key shares handled by people, outages that last until
#   enough key holders are awake, and no HSM/KMS protecting the root key.
#   This checks one server's whole configuration: a file with both storage
#   and listener, or all files of a config directory merged.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/seal#auto-unseal
# custom:
#   id: VG-SRV-005
#   severity: medium
#   kinds: [server_config]
#   remediation: Add a seal stanza for a KMS or HSM (awskms, gcpckms, azurekeyvault, transit, pkcs11...) with credentials from the environment or instance identity.
package vaultguard.rules.server.no_auto_unseal

deny contains {"msg": msg, "_loc": cfg._loc} if {
	some cfg in input.server_config
	not cfg._partial
	not has_auto_unseal(cfg)
	msg := "no auto-unseal: this server has no seal stanza other than shamir, so it needs unseal keys typed in by people after every restart"
}

has_auto_unseal(cfg) if {
	some s in cfg.seal
	s._type != "shamir"
	not s.disabled.bool
}
