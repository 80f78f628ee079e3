# METADATA
# title: "Setting defined in several files of one config directory"
# description: |
#   vault server -config=DIR merges every file of the directory; when two
#   files set the same top-level key, which value wins depends on merge
#   order, and the production hardening guide warns that merging is not
#   deterministic enough to rely on. One of the two values is not in force.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/production-hardening
# custom:
#   id: VG-SRV-027
#   severity: low
#   kinds: [server_config]
#   remediation: "Set each top-level key in exactly one file."
package vaultguard.rules.server.conflicting_files

import data.vaultguard.lib

deny contains {"msg": msg, "_loc": cfg._loc} if {
	some cfg in input.server_config
	some c in cfg._conflicts
	msg := sprintf("%s is set in both %s and %s: only one value takes effect", [c.key, c.files[0], c.files[1]])
}
