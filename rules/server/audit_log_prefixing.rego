# METADATA
# title: "Audit log prefixing allowed"
# description: |
#   Vault 1.20.1 stopped accepting a prefix on audit devices unless
#   allow_audit_log_prefixing = true: an operator able to enable a file
#   audit device with a chosen prefix could write an executable into the
#   plugin directory and run code on the host (HCSEC-2025-14,
#   CVE-2025-6000). Turning it back on reopens that path.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/configuration#allow_audit_log_prefixing
# custom:
#   id: VG-SRV-030
#   severity: high
#   kinds: [server_config]
#   remediation: "Remove allow_audit_log_prefixing; put any log-line marker in the log shipper instead."
package vaultguard.rules.server.audit_log_prefixing

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": cfg.allow_audit_log_prefixing._loc} if {
	some cfg in input.server_config
	cfg.allow_audit_log_prefixing.bool
	msg := "allow_audit_log_prefixing = true re-enables audit device prefixes (CVE-2025-6000)"
}
