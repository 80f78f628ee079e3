# METADATA
# title: "Parameter constraints on a KV version 2 data path"
# description: |
#   allowed_parameters, denied_parameters and required_parameters are not
#   supported for the KV version 2 secrets engine: its writes nest the
#   secret under a data object, so the constraints never see the keys they
#   name. The block looks restricted but is not.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/docs/concepts/policies#parameter-constraints
# custom:
#   id: VG-POL-022
#   severity: medium
#   kinds: [policy]
#   remediation: "Drop the constraints and split secrets by path instead (one path per secret, with its own capabilities), or use KV version 1 where constraints apply."
package vaultguard.rules.policy.kv2_parameter_constraints


deny contains {"msg": msg, "_loc": p[key]._loc} if {
	some pol in input.policy
	some p in pol.paths
	some key in ["allowed_parameters", "denied_parameters", "required_parameters"]
	p[key] # most blocks constrain no parameter: test that before splitting
	segs := split(trim_prefix(p.path, "/"), "/")
	count(segs) > 2
	segs[1] == "data"
	msg := sprintf("path %q looks like a KV v2 data path: %s is not supported there and restricts nothing", [p.path, key])
}
