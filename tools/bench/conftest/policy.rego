# The four policy rules of vaultguard's lint spine (VG-POL-001..004),
# ported to conftest's input shape (its hcl1 parser), so that bench-lint
# compares the two engines doing the same work on the same files. The
# cheap guards (contains before split, store paths before capabilities)
# are the same ones vaultguard's rules use.
package main

# conftest's hcl1 parser decodes `path "p" { ... }` as
# {"path": [{"p": [{...body...}]}]}.
paths contains [pattern, body] if {
	some block in input.path
	some pattern, bodies in block
	some body in as_list(bodies)
}

as_list(x) := x if is_array(x)

as_list(x) := [x] if is_object(x)

caps(body) := {c | some c in body.capabilities}

is_glob(p) if endswith(p, "*")

is_glob(p) if {
	contains(p, "+")
	"+" in split(p, "/")
}

# VG-POL-001: wildcard path granting anything
deny contains msg if {
	some [pattern, body] in paths
	is_glob(pattern)
	c := caps(body)
	count(c) > 0
	not "deny" in c
	msg := sprintf("VG-POL-001 path %q grants %v", [pattern, c])
}

# VG-POL-002: a * before the end is literal
deny contains msg if {
	some [pattern, _] in paths
	contains(pattern, "*")
	contains(trim_suffix(pattern, "*"), "*")
	msg := sprintf("VG-POL-002 path %q has an inner *", [pattern])
}

# VG-POL-003: sudo on a glob or under sys/
deny contains msg if {
	some [pattern, body] in paths
	"sudo" in caps(body)
	sudo_scope(pattern)
	msg := sprintf("VG-POL-003 path %q grants sudo", [pattern])
}

sudo_scope(p) if is_glob(p)

sudo_scope(p) if startswith(p, "sys/")

# VG-POL-004: writes to the ACL policy store
deny contains msg if {
	some [pattern, body] in paths
	touches_store(pattern)
	count(caps(body) & {"create", "update", "patch", "delete"}) > 0
	msg := sprintf("VG-POL-004 path %q writes the policy store", [pattern])
}

touches_store(p) if startswith(p, "sys/policies/acl/")

touches_store(p) if startswith(p, "sys/policy/")

touches_store(p) if {
	is_glob(p)
	may_reach(p, "sys/pol")
	some probe in ["sys/policies/acl/probe", "sys/policy/probe"]
	regex.match(path_regex(p), probe)
}

path_regex(p) := concat("", ["^", body, tail, "$"]) if {
	glob := endswith(p, "*")
	stem := trim_suffix(p, "*")
	segs := [s | some x in split(stem, "/"); s := seg(x)]
	body := concat("/", segs)
	tail := {true: ".*", false: ""}[glob]
}

seg("+") := "[^/]+"

seg(s) := regex.replace(s, `([.^$|?()\[\]{}\\*+])`, `\$1`) if s != "+"

# The literal text before the first wildcard, and the cheap test that a
# glob can reach a prefix at all (as vaultguard's rules/lib does).
stem(p) := substring(p, 0, i) if {
	positions := [x | some c in ["+", "*"]; x := indexof(p, c); x >= 0]
	count(positions) > 0
	i := min(positions)
}
else := p

may_reach(p, prefix) if startswith(prefix, stem(p))

may_reach(p, prefix) if startswith(stem(p), prefix)
