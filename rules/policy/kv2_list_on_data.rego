# METADATA
# title: "list on a KV version 2 data/ path"
# description: |
#   On KV version 2, listing goes through <mount>/metadata/; list on
#   <mount>/data/... never matches a list request, so the block does not do
#   what it says and the intended listing is denied.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/secrets/kv/kv-v2#acl-rules
# custom:
#   id: VG-POL-028
#   severity: low
#   kinds: [policy]
#   remediation: "Grant list on the matching <mount>/metadata/ path instead."
package vaultguard.rules.policy.kv2_list_on_data


deny contains {"msg": msg, "_loc": p._loc} if {
	some pol in input.policy
	some p in pol.paths
	"list" in p.capabilities
	contains(p.path, "data/")
	segs := split(trim_prefix(p.path, "/"), "/")
	count(segs) > 2
	segs[1] == "data"
	not other_list(pol, segs)
	msg := sprintf("path %q grants list on a KV v2 data/ path, where Vault never lists; list %s/metadata/%s instead", [p.path, segs[0], concat("/", array.slice(segs, 2, count(segs)))])
}

other_list(pol, segs) if {
	some q in pol.paths
	"list" in q.capabilities
	startswith(trim_prefix(q.path, "/"), concat("", [segs[0], "/metadata/"]))
}
