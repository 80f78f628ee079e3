# METADATA
# title: "Identity template uses a name or metadata rather than an ID"
# description: |
#   Templated paths resolve per token. Entity and group names, alias names
#   and metadata can be changed, and names can be reused after deletion:
#   whoever gets a matching name or can edit the metadata gets the path. The
#   policies documentation asks to use IDs wherever possible.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/policies#templated-policies
# custom:
#   id: VG-POL-023
#   severity: low
#   kinds: [policy]
#   remediation: "Template on identity.entity.id, identity.entity.aliases.<accessor>.id or identity.groups.names.<name>.id instead."
package vaultguard.rules.policy.template_by_name


deny contains {"msg": msg, "_loc": p._loc} if {
	some pol in input.policy
	some p in pol.paths
	some param in regex.find_n(`\{\{\s*[^}]*\}\}`, p.path, -1)
	mutable(param)
	not pol.name == "default"
	msg := sprintf("path %q is templated on %s, which can be changed or reused; prefer an ID", [p.path, param])
}

mutable(param) if regex.match(`identity\.entity\.name`, param)

mutable(param) if regex.match(`\.(custom_)?metadata\.`, param)

mutable(param) if regex.match(`identity\.entity\.aliases\.[^.]+\.name`, param)

mutable(param) if regex.match(`identity\.groups\.ids\.[^.]+\.name`, param)
