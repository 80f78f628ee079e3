package auditlog

import (
	"fmt"
	"regexp"
	"strings"
)

// kvV2Segments are the KV v2 API path segments that sit between the mount
// and the secret path: secret/data/p, secret/metadata/p, ...
var kvV2Segments = []string{"data/", "metadata/", "delete/", "undelete/", "destroy/", "subkeys/"}

// LogicalPath maps a request path to the secret path a person would name:
// kv/data/billing/x and kv/metadata/billing/x are kv/billing/x. Paths that
// are not KV v2 API paths are returned unchanged. When the entry names no
// mount (older Vault versions), the first segment is taken as the mount
// if the second is a KV v2 segment.
func LogicalPath(r *Request) string {
	p := r.Path
	mount := r.MountPoint
	if mount == "" || !strings.HasPrefix(p, mount) {
		if r.MountType != "" && r.MountType != "kv" {
			return p
		}
		i := strings.IndexByte(p, '/')
		if i < 0 {
			return p
		}
		mount = p[:i+1]
	} else if r.MountType != "" && r.MountType != "kv" {
		return p
	}
	rest := p[len(mount):]
	for _, seg := range kvV2Segments {
		if strings.HasPrefix(rest, seg) {
			return mount + rest[len(seg):]
		}
	}
	return p
}

// PathQuery matches requests against a path a person typed: a secret path
// (kv/billing/x matches the KV v2 API paths kv/data/billing/x,
// kv/metadata/billing/x, kv/delete/..., and the KV v1 path), an API path,
// or a pattern. Patterns use Vault ACL policy syntax: '*' matches any run of
// characters including '/', '+' matches exactly one path segment.
type PathQuery struct {
	raw string
	re  *regexp.Regexp
}

// ParsePathQuery compiles a path query.
func ParsePathQuery(s string) (*PathQuery, error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "/")
	if s == "" {
		return nil, fmt.Errorf("empty path")
	}
	q := &PathQuery{raw: s}
	if strings.ContainsAny(s, "*+") {
		var b strings.Builder
		b.WriteString("^")
		for _, c := range s {
			switch c {
			case '*':
				b.WriteString(".*")
			case '+':
				b.WriteString("[^/]+")
			default:
				b.WriteString(regexp.QuoteMeta(string(c)))
			}
		}
		b.WriteString("$")
		re, err := regexp.Compile(b.String())
		if err != nil {
			return nil, fmt.Errorf("compile path pattern %q: %w", s, err)
		}
		q.re = re
	}
	return q, nil
}

// String returns the query as typed.
func (q *PathQuery) String() string { return q.raw }

func (q *PathQuery) matchOne(p string) bool {
	if q.re != nil {
		return q.re.MatchString(p)
	}
	return p == q.raw
}

// Match reports whether the request's path, its logical (KV-aware) path,
// or either prefixed by the request's namespace matches.
func (q *PathQuery) Match(r *Request) bool {
	if q.matchOne(r.Path) {
		return true
	}
	lp := LogicalPath(r)
	if lp != r.Path && q.matchOne(lp) {
		return true
	}
	if ns := r.NamespacePath; ns != "" {
		if q.matchOne(ns+r.Path) || (lp != r.Path && q.matchOne(ns+lp)) {
			return true
		}
	}
	return false
}

// Needles returns byte strings that every matching entry must contain, for
// the pre-filter: the literal pieces of the query between globs and
// slashes. A KV v2 segment is only ever inserted at a slash, so every piece
// survives in the API path. The last piece (usually the secret's own name,
// the most selective) comes first. Nil means "cannot pre-filter".
func (q *PathQuery) Needles() [][]byte {
	var pieces []string
	seen := map[string]bool{}
	for _, frag := range strings.FieldsFunc(q.raw, func(r rune) bool { return r == '*' || r == '+' }) {
		for _, piece := range strings.Split(frag, "/") {
			if piece != "" && jsonSafe(piece) && !seen[piece] {
				seen[piece] = true
				pieces = append(pieces, piece)
			}
		}
	}
	if len(pieces) == 0 {
		return nil
	}
	out := make([][]byte, 0, len(pieces)+1)
	// An exact query's last segment ends the logged path: the JSON holds
	// `/stripe"`. Starting with a rare byte ('/') that needle is several
	// times faster to search for than the bare word, and more selective.
	if q.re == nil {
		trimmed := strings.TrimSuffix(q.raw, "/")
		if i := strings.LastIndexByte(trimmed, '/'); i >= 0 && jsonSafe(q.raw[i:]) {
			out = append(out, []byte(q.raw[i:]+`"`))
		}
	}
	for i := len(pieces) - 1; i >= 0; i-- {
		out = append(out, []byte(pieces[i]))
	}
	return out
}

// jsonSafe reports whether s appears verbatim inside a JSON string written
// by Go's encoder (no character it might escape).
func jsonSafe(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return false
		}
	}
	return true
}
