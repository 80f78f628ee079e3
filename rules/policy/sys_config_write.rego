# METADATA
# title: "Write access to system configuration"
# description: |
#   Other sys/ endpoints change how Vault behaves for everyone: CORS
#   (sys/config/cors), UI headers (sys/config/ui/*), rate-limit and lease-
#   count quotas (sys/quotas/*), namespaces (sys/namespaces/*), password
#   policies (sys/policies/password/*), MFA methods (identity/mfa/method/*,
#   sys/mfa/method/*) and login MFA enforcement. A holder can weaken
#   protections or disable MFA for others.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/policies#root-protected-api-endpoints
# custom:
#   id: VG-POL-019
#   severity: medium
#   kinds: [policy]
#   remediation: "Manage these settings from a reviewed configuration pipeline with an admin identity; applications need none of them."
package vaultguard.rules.policy.sys_config_write

import data.vaultguard.acl

deny contains {"msg": msg, "_loc": p._loc} if {
	some e in acl.entries
	e.bucket in {"sys", "identity", "*"}
	count(acl.mods(e)) > 0
	hits := [trim_suffix(prefix, "/") | some prefix in prefixes; acl.reaches(e.path, prefix)]
	count(hits) > 0
	some p in acl.blocks(e)
	msg := sprintf("path %q grants %s on %s: system-wide settings every client depends on", [p.path, concat(", ", acl.mods(p)), concat(", ", hits)])
}

prefixes := [
	"sys/config/cors", "sys/config/ui/", "sys/quotas/", "sys/namespaces/", "sys/policies/password/",
	"sys/mfa/method/", "identity/mfa/method/", "identity/mfa/login-enforcement/", "sys/config/group-policy-application",
	"sys/internal/inspect/",
]
