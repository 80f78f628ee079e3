# METADATA
# description: |
#   Vault's ACL matching for rules that reason about a whole policy set:
#   pattern kinds, priority, overlap and coverage between patterns, and
#   which policies a token holds together. Mirrors lint/acl (Go), which
#   follows vault/acl.go; not a rule itself.
package vaultguard.acl

# kind says how Vault matches a pattern: "segments" (a + segment),
# "prefix" (trailing * without +) or "exact".
kind(p) := "segments" if is_segments(p)
else := "prefix" if endswith(p, "*")
else := "exact"

is_segments(p) if p == "+"

is_segments(p) if contains(p, "/+")

is_segments(p) if startswith(p, "+/")

is_glob(p) if endswith(p, "*")

# wc_path is the pattern without its trailing glob.
wc_path(p) := trim_suffix(p, "*") if endswith(p, "*")
else := p

# rank orders non-exact patterns as vault/acl.go's sort does: a larger
# rank is a higher priority. Arrays compare element by element: first
# wildcard position, not-a-glob, fewer + segments, length, lexical order.
rank(p) := [indexof(p, "+"), glob_rank(p), 0 - plus_count(p), count(wc_path(p)), wc_path(p)] if kind(p) == "segments"

rank(p) := [count(wc_path(p)), 0, 0, count(wc_path(p)), wc_path(p)] if kind(p) == "prefix"

glob_rank(p) := 0 if endswith(p, "*")
else := 1

plus_count(p) := count([s | some s in split(wc_path(p), "/"); s == "+"])

# higher holds when pattern a wins over pattern b on a path both match.
higher(a, b) if {
	kind(a) == "exact"
	kind(b) != "exact"
}

higher(a, b) if {
	kind(a) != "exact"
	kind(b) != "exact"
	rank(a) > rank(b)
}

segs(p) := split(wc_path(p), "/")

# seg_match: one path segment against one pattern segment.
seg_match(pat, _) if pat == "+"

seg_match(pat, s) if pat == s

# matches holds when a pattern matches a concrete path, as Vault matches.
matches(p, path) if {
	kind(p) == "exact"
	p == path
}

matches(p, path) if {
	kind(p) == "prefix"
	startswith(path, wc_path(p))
}

matches(p, path) if {
	kind(p) == "segments"
	want := segs(p)
	got := split(path, "/")
	len_ok(count(want), count(got), endswith(p, "*"))
	last := last_prefix_index(p, count(want))
	every i, w in want {
		seg_ok(w, got[i], i, last)
	}
}

# last_prefix_index is the index of a glob's prefix segment, -1 otherwise.
last_prefix_index(p, n) := n - 1 if is_glob(p)
else := -1

len_ok(n, m, true) if m >= n

len_ok(n, m, false) if m == n

# seg_ok: segment i of a path against the pattern's; the glob's last
# segment (index last) is a string prefix.
seg_ok(w, s, _, _) if seg_match(w, s)

seg_ok(w, s, i, i) if {
	w != "+"
	startswith(s, w)
}

# witness builds a concrete path both patterns may match: each segment
# takes the literal side (the longer one for the last, prefix, segment),
# "x" where both are wildcards. Rules confirm it with matches().
witness(a, b) := concat("/", [seg |
	some i in numbers.range(0, n - 1)
	seg := pick(at(sa, i), at(sb, i))
]) if {
	sa := segs(a)
	sb := segs(b)
	n := max([count(sa), count(sb)])
}

at(arr, i) := arr[i] if i < count(arr)
else := "+"

pick(x, y) := "x" if {
	x in {"+", ""}
	y in {"+", ""}
} else := x if {
	y in {"+", ""}
} else := y if {
	x in {"+", ""}
} else := x if {
	count(x) >= count(y)
} else := y

# overlap holds when some path is matched by both patterns; the witness
# path is one such path.
overlap(a, b) if {
	w := witness(a, b)
	matches(a, w)
	matches(b, w)
}

# covers holds when every path pattern a matches is matched by b.
covers(b, a) if {
	not is_glob(a)
	not is_glob(b)
	sa := segs(a)
	sb := segs(b)
	count(sa) == count(sb)
	every i, x in sb {
		cover_seg(x, sa[i])
	}
}

covers(b, a) if {
	is_glob(b)
	sa := segs(a)
	sb := segs(b)
	count(sb) <= count(sa)
	last := count(sb) - 1
	every i, x in sb {
		cover_at(x, sa[i], i, last)
	}
}

cover_seg("+", _)

cover_seg(x, y) if {
	x != "+"
	x == y
}

# cover_at: b's segment x against a's segment y; b_last says x is b's
# prefix segment (i == last), which any y starting with it satisfies.
cover_at(x, y, i, last) if {
	i != last
	cover_seg(x, y)
}

cover_at("", _, i, i)

cover_at(x, y, i, i) if {
	x != ""
	x != "+"
	y != "+"
	startswith(y, x)
}

# ---- which policies a token may hold together ----

holder_attrs := {"token_policies", "policies", "allowed_policies"}

# held_lists are the policy lists that holders (roles, users, groups,
# tokens) attach, read generically from any object kind.
held_lists contains names if {
	some k, objs in input
	k != "policy"
	is_array(objs)
	some o in objs
	is_object(o)
	some attr in holder_attrs
	names := policy_names(o[attr].value)
}

policy_names(v) := {trim_space(s) | some s in v; is_string(s)} if is_array(v)

policy_names(v) := {trim_space(s) | some s in split(v, ",")} if is_string(v)

# by_name maps a policy name to the indexes of the policies so named.
by_name[name] contains i if {
	some i, pol in input.policy
	name := pol.name
}

default_indexes := object.get(by_name, "default", set())

all_indexes := {i | some i, _ in input.policy}

# partners[i] are the indexes of the policies whose rules a token holding
# policy i may combine with i's: i itself, the default policy (attached to
# every token) with any other, and the policies some holder attaches
# together with i. Built per policy so that large sets stay linear.
partners[i] := (({i} | with_default(i)) | held_with(i)) if some i, _ in input.policy

with_default(i) := all_indexes if i in default_indexes

with_default(i) := default_indexes if not i in default_indexes

held_with(i) := {j |
	some names in held_lists
	input.policy[i].name in names
	some n in names
	some j in object.get(by_name, n, set())
}

# co_held holds for two policy indexes whose rules a token may combine.
co_held(i, j) if j in partners[i]

# pairs are the [i, j] policy index pairs to compare.
pairs contains [i, j] if {
	some i, js in partners
	some j in js
}

# ---- entries: the distinct (policy, pattern, capabilities) of the set ----
#
# Pairwise rules compare entries, not blocks: identical blocks collapse
# into one entry, and an entry is only compared with entries of partner
# policies with the same first segment (or a wildcard first segment),
# which keeps large policy sets tractable.

entries contains e if {
	some i, _ in input.policy
	some e in entries_of[i]
}

# entries_of[i] are policy i's entries, computed once from its own paths.
entries_of[i] := {e |
	some p in input.policy[i].paths
	path := norm(p.path)
	e := {"pol": i, "path": path, "capabilities": p.capabilities, "bucket": bucket(path)}
} if some i, _ in input.policy

# bucket is a pattern's first segment, or "*" when it is a wildcard.
bucket(path) := "*" if regex.match(`[+*]`, split(path, "/")[0])
else := split(path, "/")[0]

# neighbours are the entries of partner policies that may share a request
# path with e: the same first segment, or a wildcard one.
neighbours(e) := {x |
	some j in partners[e.pol]
	some x in entries_of[j]
	x.bucket in {e.bucket, "*"}
} if e.bucket != "*"

neighbours(e) := {x |
	some j in partners[e.pol]
	some x in entries_of[j]
} if e.bucket == "*"

# related holds for two entries a token may combine: they are in the
# same policy or in policies held together.
related(e1, e2) if e2.pol in partners[e1.pol]

# blocks are the path blocks behind an entry, in file order.
blocks(e) := [p |
	some p in input.policy[e.pol].paths
	norm(p.path) == e.path
	p.capabilities == e.capabilities
]

# grants holds when a block grants something other than deny.
grants(p) if {
	count(p.capabilities) > 0
	not "deny" in p.capabilities
}

denies(p) if "deny" in p.capabilities

# where renders a block's position for messages that name another block.
where(pol, p) := sprintf("policy %q, %s:%d", [pol.name, p._loc.file, p._loc.line])

norm(path) := trim_prefix(path, "/")

# ---- reach: whether a pattern grants on an area of Vault ----

# modifying are the capabilities that change state.
modifying := {"create", "update", "patch", "delete"}

mods(p) := [c | some c in p.capabilities; c in modifying]

# reaches holds when a pattern matches some path under prefix (or the
# prefix itself): the pattern matches a probe path there, or it starts
# with the prefix. Patterns whose first segment is a wildcard ("*",
# "+/...") are left to VG-POL-001, which reports them as reaching
# everything.
reaches(pattern, prefix) if {
	same_top(pattern, prefix)
	matches(norm(pattern), concat("", [prefix, "vaultguard-probe"]))
}

reaches(pattern, prefix) if {
	same_top(pattern, prefix)
	matches(norm(pattern), prefix)
}

reaches(pattern, prefix) if {
	same_top(pattern, prefix)
	startswith(norm(pattern), prefix)
}

# same_top is a cheap first test: the pattern's first segment is literal
# (not "+", not starting with "*") and equals the prefix's, or is a glob
# stem of it ("sy*" for "sys").
same_top(pattern, prefix) if {
	first := split(norm(pattern), "/")[0]
	first != ""
	first != "+"
	not startswith(first, "*")
	want := split(prefix, "/")[0]
	startswith(want, trim_suffix(first, "*"))
	top_ok(first, want)
}

top_ok(first, want) if first == want

top_ok(first, _) if endswith(first, "*")

# limited holds when a block's parameter constraints stop a caller from
# choosing param freely: a non-empty allow list for it, any deny entry for
# it (or for "*"), or an allow list that leaves it out without "*".
limited(p, param) if count(p.allowed_parameters.value[param]) > 0

limited(p, param) if p.denied_parameters.value[param]

limited(p, _) if p.denied_parameters.value["*"]

limited(p, param) if {
	allowed := p.allowed_parameters.value
	is_object(allowed)
	not allowed[param]
	not allowed["*"]
}

# root_protected are Vault 1.21's root-protected endpoints (see
# lint/acl/rootpaths.go); "*" marks a prefix.
root_protected := {
	"sys/auth/*", "sys/remount", "sys/audit", "sys/audit/*", "sys/raw", "sys/raw/*",
	"sys/replication/primary/secondary-token", "sys/replication/performance/primary/secondary-token",
	"sys/replication/dr/primary/secondary-token", "sys/replication/reindex", "sys/replication/dr/reindex",
	"sys/replication/performance/reindex", "sys/rotate", "sys/config/cors", "sys/config/auditing/*",
	"sys/config/ui/headers/*", "sys/plugins/catalog/*", "sys/plugins/runtimes/catalog/*",
	"sys/revoke-prefix/*", "sys/revoke-force/*", "sys/leases/revoke-prefix/*", "sys/leases/revoke-force/*",
	"sys/leases/lookup/*", "sys/storage/raft/snapshot-auto/config/*", "sys/leases",
	"sys/internal/inspect/*", "sys/internal/counters/activity/export", "sys/seal", "sys/step-down",
	"auth/token/revoke-orphan", "auth/token/accessors/", "auth/token/accessors", "pki/root", "pki/root/sign-self-issued",
}

is_root_protected(path) if {
	some rp in root_protected
	matches(rp, path)
}

# default_paths are the patterns of Vault 1.21's built-in default policy.
default_paths := {
	"auth/token/lookup-self", "auth/token/renew-self", "auth/token/revoke-self",
	"sys/capabilities-self", "identity/entity/id/{{identity.entity.id}}",
	"identity/entity/name/{{identity.entity.name}}", "sys/internal/ui/resultant-acl",
	"sys/renew", "sys/leases/renew", "sys/leases/lookup", "cubbyhole/*",
	"sys/wrapping/wrap", "sys/wrapping/lookup", "sys/wrapping/unwrap",
	"sys/tools/hash", "sys/tools/hash/*", "sys/control-group/request",
	"identity/oidc/provider/+/authorize",
}

# in_top is the cheapest first test of the area rules: an entry can only
# reach paths under top when its first segment is top or a wildcard.
in_top(e, top) if e.bucket == top

in_top(e, _) if e.bucket == "*"

# top_entries(top) are the entries in_top(e, top) holds for, collected in
# one pass per evaluation (OPA caches a function's result for a constant
# argument), so that the area rules visit only the entries that can reach
# their area rather than testing in_top on every entry.
top_entries(top) := {e | some e in entries; e.bucket in {top, "*"}}

# path_in_top is in_top for a pattern.
path_in_top(path, top) if bucket(norm(path)) in {top, "*"}
