# METADATA
# title: Vault token written in code
# description: |
#   A token in a file (VAULT_TOKEN=..., the Terraform provider's token, an
#   argument of `vault login`) is readable by everyone with the repository,
#   the image or the unit, and lives on in their history. Tokens are
#   recognised by Vault's prefixes (hvs., hvb., hvr., s., b., r.) or the
#   dev-mode "root"; in Terraform any literal provider token counts. The
#   message never repeats the token.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes
#   - ref: https://registry.terraform.io/providers/hashicorp/vault/latest/docs#token
# custom:
#   id: VG-CLI-003
#   severity: critical
#   kinds: [provider]
#   remediation: Remove the token and revoke it; let the client log in (an auth method, Vault Agent, VAULT_TOKEN set from a secret store at run time).
package vaultguard.rules.client.literal_token

deny contains {"msg": msg, "_loc": a._loc} if {
	some p in input.provider
	a := p.token
	a.known
	is_string(a.value)
	token_like(p, trim_space(a.value))
	msg := sprintf("%s holds a literal Vault token; revoke it and supply the token at run time", [setting(p)])
}

token_like(_, v) if regex.match(`^(hvs|hvb|hvr|s|b|r)\.[A-Za-z0-9_-]{8,}`, v)

token_like(_, v) if lower(v) == "root"

token_like(p, v) if {
	p._via == "config"
	v != ""
}

setting(p) := "VAULT_TOKEN" if p._via == "env"

setting(p) := "the provider's token" if p._via == "config"

setting(p) := "a command-line argument" if p._via == "argv"
