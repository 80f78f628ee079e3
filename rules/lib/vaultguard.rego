# METADATA
# description: Helpers shared by vaultguard rules; not a rule itself.
package vaultguard.lib

# Capabilities that change state (everything but read, list, subscribe, deny).
write_capabilities := {"create", "update", "patch", "delete", "sudo", "recover"}

# grants_write holds when a path block grants any write capability.
grants_write(p) if {
	some c in p.capabilities
	c in write_capabilities
}

# grants_any holds when a path block grants anything but deny.
grants_any(p) if {
	count(p.capabilities) > 0
	not "deny" in p.capabilities
}

# host_of strips the port (and IPv6 brackets) from a listener address.
host_of(addr) := trim(regex.replace(addr, `:[0-9]*$`, ""), "[]")

# is_loopback holds for addresses only this host can reach. A tcp listener
# without an address listens on 127.0.0.1:8200, Vault's default.
is_loopback(addr) if host_of(addr) in {"localhost", "::1"}

is_loopback(addr) if startswith(host_of(addr), "127.")

is_loopback(addr) if addr == ""

listener_address(l) := l.address.value if l.address.known
else := ""

# is_glob holds for patterns with a trailing * or a + segment. Most paths
# are neither: the contains() guard rejects them without splitting.
is_glob(pattern) if endswith(pattern, "*")

is_glob(pattern) if {
	contains(pattern, "+")
	"+" in split(pattern, "/")
}

# path_regex turns a Vault ACL pattern into an anchored regular expression:
# a "+" segment matches one segment, a trailing "*" any suffix, everything
# else (a "*" anywhere but the end included) matches literally.
path_regex(pattern) := concat("", ["^", body, tail, "$"]) if {
	glob := endswith(pattern, "*")
	stem := trim_suffix_if(pattern, "*", glob)
	segments := [seg |
		some s in split(stem, "/")
		seg := segment_regex(s)
	]
	body := concat("/", segments)
	tail := tail_regex(glob)
}

trim_suffix_if(s, suffix, true) := trim_suffix(s, suffix)

trim_suffix_if(s, _, false) := s

tail_regex(true) := ".*"

tail_regex(false) := ""

segment_regex("+") := "[^/]+"

segment_regex(s) := regex.replace(s, `([.^$|?()\[\]{}\\*+])`, `\$1`) if s != "+"

# path_matches holds when a Vault ACL pattern matches a concrete request path.
path_matches(pattern, path) if regex.match(path_regex(pattern), path)

# is_literal_after_star holds when a "*" stands anywhere but at the end,
# where Vault matches it literally.
has_inner_star(pattern) if {
	contains(pattern, "*")
	contains(trim_suffix(pattern, "*"), "*")
}

# mount_depth counts the literal segments before the first wildcard, not
# counting KV v2's data/, metadata/... API prefixes after the mount.
literal_depth(pattern) := count(literal) if {
	segs := split(trim_suffix(pattern, "*"), "/")
	idx := [i | some i, s in segs; s == "+"]
	first := min(array.concat(idx, [count(segs) - 1 + to_number(not_glob(pattern))]))
	literal := [s |
		some i, s in segs
		i < first
		s != ""
		not api_segment(i, s)
	]
}

not_glob(pattern) := 0 if endswith(pattern, "*")

not_glob(pattern) := 1 if not endswith(pattern, "*")

api_segment(0, "auth")

api_segment(1, s) if s in {"data", "metadata", "delete", "undelete", "destroy", "subkeys"}

# writes is grants_write as a value: true or false, never undefined.
writes(p) := true if grants_write(p)
else := false

# string_list reads a list of strings, or a comma-separated string as
# Vault's parseutil.ParseCommaStringSlice does.
string_list(v) := [trim_space(s) | some s in v; is_string(s)] if is_array(v)

string_list(v) := [trim_space(s) | some s in split(v, ",")] if is_string(v)

# url_host is the host of a URL or host:port ("https://h:8200/x" -> "h").
url_host(u) := host_of(split(trim_prefix(trim_prefix(lower(u), "https://"), "http://"), "/")[0])

# is_http_remote holds for a plain-http URL to a host other than this one.
is_http_remote(u) if {
	startswith(lower(u), "http://")
	not is_loopback(url_host(u))
}

# stem is a pattern's literal text before its first wildcard character.
stem(pattern) := substring(pattern, 0, i) if {
	positions := [x | some c in ["+", "*"]; x := indexof(pattern, c); x >= 0]
	count(positions) > 0
	i := min(positions)
}
else := pattern

# may_reach is a cheap test that a pattern can match some path under
# prefix: its literal stem and the prefix agree as far as both go. Rules
# use it to skip the regular-expression match for unrelated patterns.
may_reach(pattern, prefix) if startswith(prefix, stem(pattern))

may_reach(pattern, prefix) if startswith(stem(pattern), prefix)
