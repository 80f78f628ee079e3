# METADATA
# title: "Key export or CA control"
# description: |
#   transit/export/* and transit/backup/* hand out raw key material; update
#   on transit/keys/*/config can make a key exportable or deletable first.
#   On PKI, pki/root* generates or replaces the CA, pki/sign-verbatim/*
#   signs anything the caller asks for, and writes to pki/issuers/* or
#   pki/config/* change which CA issues. Each undoes the point of keeping
#   keys in Vault.
# related_resources:
#   - ref: https://developer.hashicorp.com/vault/api-docs/secret/transit#export-key
# custom:
#   id: VG-POL-018
#   severity: high
#   kinds: [policy]
#   remediation: "Keep encryption clients on transit/encrypt and transit/decrypt, PKI clients on pki/issue/<role>; key export and CA management belong to an operator identity."
package vaultguard.rules.policy.key_export

import data.vaultguard.acl

deny contains {"msg": msg, "_loc": p._loc} if {
	some e in acl.entries
	some mount in mounts
	contains(e.path, mount) # cheap: most paths are on neither engine
	segs := split(acl.norm(e.path), "/")
	count(segs) >= 2
	some area in areas
	area.mount == mount
	contains(segs[0], area.mount)
	startswith(concat("/", array.slice(segs, 1, count(segs))), area.sub)
	caps := [c | some c in e.capabilities; c in area.caps]
	count(caps) > 0
	some p in acl.blocks(e)
	msg := sprintf("path %q grants %s on %s/%s: %s", [p.path, concat(", ", caps), segs[0], trim_suffix(area.sub, "/"), area.why])
}

write := {"create", "update", "patch", "delete"}

mounts := {area.mount | some area in areas}

areas := [
	{"mount": "transit", "sub": "export/", "caps": {"read"}, "why": "raw key material leaves Vault"},
	{"mount": "transit", "sub": "backup/", "caps": {"read"}, "why": "a backup holds every version of the key"},
	{"mount": "transit", "sub": "restore", "caps": write, "why": "the holder can restore keys it brought"},
	{"mount": "pki", "sub": "root", "caps": write, "why": "the holder can generate, replace or delete the root CA"},
	{"mount": "pki", "sub": "sign-verbatim", "caps": write, "why": "the holder can sign any certificate request, bypassing role constraints"},
	{"mount": "pki", "sub": "issuers/", "caps": write, "why": "the holder can change which CA issues certificates"},
	{"mount": "pki", "sub": "intermediate/set-signed", "caps": write, "why": "the holder can install an intermediate CA of its choice"},
]

deny contains {"msg": msg, "_loc": p._loc} if {
	some e in acl.entries
	contains(e.path, "transit")
	segs := split(acl.norm(e.path), "/")
	count(segs) == 4
	contains(segs[0], "transit")
	segs[1] == "keys"
	segs[3] == "config"
	caps := [c | some c in e.capabilities; c in write]
	count(caps) > 0
	some p in acl.blocks(e)
	msg := sprintf("path %q grants %s on a transit key's config: the holder can make the key exportable or deletable", [p.path, concat(", ", caps)])
}
