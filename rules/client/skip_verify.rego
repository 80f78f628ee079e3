# METADATA
# title: Client skips TLS verification
# description: |
#   skip_tls_verify (Terraform provider), VAULT_SKIP_VERIFY or
#   -tls-skip-verify make the client accept any certificate: anyone on the
#   path can impersonate Vault and collect the client's token and every
#   secret it writes.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/commands#vault_skip_verify
#   - ref: https://registry.terraform.io/providers/hashicorp/vault/latest/docs#skip_tls_verify
# custom:
#   id: VG-CLI-001
#   severity: high
#   kinds: [provider]
#   remediation: Point the client at the CA that signed Vault's certificate (VAULT_CACERT, -ca-cert, ca_cert_file) instead of turning verification off.
package vaultguard.rules.client.skip_verify

deny contains {"msg": msg, "_loc": a._loc} if {
	some p in input.provider
	a := p.skip_tls_verify
	a.bool == true
	msg := sprintf("%s turns TLS certificate verification off: anyone on the path can impersonate Vault", [setting(p)])
}

setting(p) := "VAULT_SKIP_VERIFY" if p._via == "env"

setting(p) := "-tls-skip-verify" if p._via == "flag"

setting(p) := "skip_tls_verify" if p._via == "config"
