# METADATA
# title: Credentials written into the seal stanza
# description: |
#   A seal stanza that holds its KMS or HSM credentials in clear text puts
#   the key that unwraps Vault's root key in a config file that ends up in
#   git, backups and ticket attachments. HashiCorp's production hardening
#   guide: provide them through the environment or instance identity.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/production-hardening
# custom:
#   id: VG-SRV-006
#   severity: high
#   kinds: [server_config]
#   remediation: Remove the credential from the file; use instance identity (IAM role, managed identity, workload identity) or the seal's environment variables (AWS_SECRET_ACCESS_KEY, AZURE_CLIENT_SECRET, VAULT_HSM_PIN, VAULT_TRANSIT_SEAL_TOKEN...).
package vaultguard.rules.server.seal_inline_credentials

secret_keys := {"access_key", "secret_key", "session_token", "client_secret", "pin", "token", "password"}

deny contains {"msg": msg, "_loc": s[key]._loc} if {
	some cfg in input.server_config
	some s in cfg.seal
	some key in secret_keys
	s[key].known
	s[key].value != ""
	msg := sprintf("seal %q has %s written in the file: the credential that unwraps Vault's root key is in clear text", [s._type, key])
}
