// Package acl evaluates Vault ACL policies offline, following vault/acl.go
// and the policies documentation: exact paths first, then the
// highest-priority glob or "+" pattern, the union of capabilities when the
// same pattern appears in several policies, deny discarding everything
// else, the root policy allowing everything, and sudo required on
// root-protected paths. It answers what Vault's sys/capabilities answers,
// and also says which policy and path block decided.
package acl

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/vaultguard/vaultguard/lint/model"
)

// Capabilities in the order Vault's sys/capabilities lists them.
const (
	Sudo      = "sudo"
	Read      = "read"
	List      = "list"
	Update    = "update"
	Delete    = "delete"
	Create    = "create"
	Patch     = "patch"
	Subscribe = "subscribe"
	Recover   = "recover"
	Deny      = "deny"
	Root      = "root"
)

// order is sys/capabilities' output order.
var order = []string{Sudo, Read, List, Update, Delete, Create, Patch, Subscribe, Recover}

// Operations maps a request operation to the capability Vault checks for
// it: revoke, renew and rollback need update, as in AllowOperation.
var Operations = map[string]string{
	"read": Read, "list": List, "update": Update, "delete": Delete,
	"create": Create, "patch": Patch, "recover": Recover,
	"revoke": Update, "renew": Update, "rollback": Update,
	"sudo": Sudo, "subscribe": Subscribe,
}

// Kind says how a pattern matches.
type Kind string

// Pattern kinds, as vault/policy.go sorts them into its trees.
const (
	Exact    Kind = "exact"    // no wildcard: this path only
	Prefix   Kind = "prefix"   // trailing "*" and no "+": a string prefix
	Segments Kind = "segments" // a "+" segment, maybe with a trailing "*"
)

// Block is one path block of one policy.
type Block struct {
	Policy *model.Policy
	Rule   *model.PathRule
}

func (b Block) String() string {
	return fmt.Sprintf("policy %q path %q (%s:%d)", b.Policy.Name, b.Rule.Pattern, b.Rule.Range.File, b.Rule.Range.Start.Line)
}

// entry is every block of one pattern, merged as NewACL merges them.
type entry struct {
	pattern string // as written, leading "/" stripped
	kind    Kind
	key     string // the tree key: pattern without "*" for prefixes
	caps    map[string]bool
	blocks  []Block
	// granting lists, per capability, the blocks that grant it.
	granting map[string][]Block
}

func (e *entry) capList() []string {
	if e.caps[Deny] {
		return []string{Deny}
	}
	var out []string
	for _, c := range order {
		if e.caps[c] {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return []string{Deny}
	}
	return out
}

// Evaluator is a compiled set of policies, the ACL of one token.
type Evaluator struct {
	root       bool
	rootPolicy *model.Policy
	exact      map[string]*entry
	prefix     map[string]*entry
	segments   map[string]*entry
	// templated lists blocks whose pattern holds {{identity...}}
	// placeholders that were not resolved; they match nothing.
	templated []Block
}

// Options change how policies are compiled.
type Options struct {
	// Templates resolves identity templating in patterns: a placeholder
	// such as "identity.entity.id" maps to its value for the token asked
	// about. Unresolved templated patterns are skipped, as Vault skips a
	// path whose template cannot be rendered.
	Templates map[string]string
}

// New compiles the policies a token holds. A policy named "root" makes
// the token root, as Vault's root policy does.
func New(policies []*model.Policy, opts Options) *Evaluator {
	e := &Evaluator{exact: map[string]*entry{}, prefix: map[string]*entry{}, segments: map[string]*entry{}}
	for _, p := range policies {
		if p == nil {
			continue
		}
		if p.Name == "root" {
			e.root = true
			e.rootPolicy = p
			continue
		}
		for _, r := range p.Paths {
			b := Block{Policy: p, Rule: r}
			pattern, ok := render(strings.TrimPrefix(r.Pattern, "/"), opts.Templates)
			if !ok {
				e.templated = append(e.templated, b)
				continue
			}
			if strings.Contains(pattern, "+*") {
				continue // Vault rejects the policy
			}
			kind, key := Classify(pattern)
			tree := e.exact
			switch kind {
			case Prefix:
				tree = e.prefix
			case Segments:
				tree = e.segments
			}
			en := tree[key]
			if en == nil {
				en = &entry{pattern: pattern, kind: kind, key: key, caps: map[string]bool{}, granting: map[string][]Block{}}
				tree[key] = en
			}
			en.blocks = append(en.blocks, b)
			for _, c := range r.Capabilities {
				en.caps[c] = true
				en.granting[c] = append(en.granting[c], b)
			}
		}
	}
	return e
}

// Classify says how Vault matches a pattern and returns its tree key.
func Classify(pattern string) (Kind, string) {
	pattern = strings.TrimPrefix(pattern, "/")
	if pattern == "+" || strings.Contains(pattern, "/+") || strings.HasPrefix(pattern, "+/") {
		return Segments, pattern
	}
	if strings.HasSuffix(pattern, "*") {
		return Prefix, strings.TrimSuffix(pattern, "*")
	}
	return Exact, pattern
}

func render(pattern string, values map[string]string) (string, bool) {
	if !strings.Contains(pattern, "{{") {
		return pattern, true
	}
	out := pattern
	for {
		i := strings.Index(out, "{{")
		if i < 0 {
			return out, true
		}
		j := strings.Index(out[i:], "}}")
		if j < 0 {
			return "", false
		}
		name := strings.TrimSpace(out[i+2 : i+j])
		v, ok := values[name]
		if !ok {
			return "", false
		}
		out = out[:i] + v + out[i+j+2:]
	}
}

// Decision is the answer for one request.
type Decision struct {
	Path      string
	Operation string
	// Capability is the capability the operation needs.
	Capability string
	Allowed    bool
	// Root is true when the root policy decided.
	Root bool
	// Capabilities are what the deciding pattern grants on the path, as
	// sys/capabilities reports them (["deny"] when nothing matched).
	Capabilities []string
	// Pattern is the deciding pattern and Kind how it matched; empty when
	// no pattern matched (implicit deny).
	Pattern string
	Kind    Kind
	// Blocks are the path blocks, across policies, merged into Pattern.
	Blocks []Block
	// Deciding are the blocks that decided: those granting the capability
	// when allowed, the deny blocks when denied explicitly, else Blocks.
	Deciding []Block
	// RootProtected is true when the path needs sudo besides the
	// operation's capability.
	RootProtected bool
	// Reason explains the decision in one sentence.
	Reason string
	// Unresolved are templated blocks that were skipped.
	Unresolved []Block
}

// Capabilities answers like sys/capabilities: the capabilities the token
// has on the path (["root"] for root, ["deny"] when none).
func (e *Evaluator) Capabilities(path string) []string {
	d := e.Decide(path, "list")
	return d.Capabilities
}

// Decide answers whether the token may perform op (read, list, create,
// update, patch, delete, recover, sudo, subscribe) on path.
func (e *Evaluator) Decide(path, op string) Decision {
	op = strings.ToLower(op)
	capName, ok := Operations[op]
	d := Decision{Path: path, Operation: op, Capability: capName, Unresolved: e.templated}
	for len(path) > 0 && path[0] == '/' {
		path = path[1:]
	}
	d.Path = path
	d.RootProtected = RootProtected(path)
	if !ok {
		d.Capabilities = []string{Deny}
		d.Reason = fmt.Sprintf("unknown operation %q", op)
		return d
	}
	if e.root {
		d.Root, d.Allowed = true, true
		d.Capabilities = []string{Root}
		d.Deciding = []Block{{Policy: e.rootPolicy}}
		d.Reason = "the root policy allows everything"
		return d
	}
	en := e.lookup(path, op == "list")
	if en == nil {
		d.Capabilities = []string{Deny}
		d.Reason = "no path block matches: denied by default"
		return d
	}
	d.Pattern, d.Kind, d.Blocks = en.pattern, en.kind, en.blocks
	d.Capabilities = en.capList()
	switch {
	case en.caps[Deny]:
		d.Deciding = en.granting[Deny]
		d.Reason = fmt.Sprintf("%q decides and denies", en.pattern)
	case !en.caps[capName]:
		d.Deciding = en.blocks
		d.Reason = fmt.Sprintf("%q decides and grants %s, not %s", en.pattern, strings.Join(d.Capabilities, ", "), capName)
	case d.RootProtected && capName != Sudo && !en.caps[Sudo]:
		d.Deciding = en.blocks
		d.Reason = fmt.Sprintf("%q grants %s but the path is root-protected and it does not grant sudo", en.pattern, capName)
	default:
		d.Allowed = true
		d.Deciding = en.granting[capName]
		d.Reason = fmt.Sprintf("%q decides and grants %s", en.pattern, capName)
	}
	return d
}

// lookup finds the deciding entry as AllowOperation does.
func (e *Evaluator) lookup(path string, list bool) *entry {
	if en, ok := e.exact[path]; ok {
		return en
	}
	if list {
		if en, ok := e.exact[strings.TrimSuffix(path, "/")]; ok {
			return en
		}
		if strings.HasSuffix(path, "/") {
			if en := e.nonExact(strings.TrimSuffix(path, "/")); en != nil {
				return en
			}
		}
	}
	return e.nonExact(path)
}

// candidate is a matching non-exact pattern with its priority facts.
type candidate struct {
	firstWildcard int
	wildcards     int
	isPrefix      bool
	wcPath        string
	en            *entry
}

// Less reports whether pattern a has lower priority than pattern b when
// both match a request, by the rules of the policies documentation:
// earlier first wildcard, trailing glob, more "+" segments, shorter,
// lexically smaller. Both must be non-exact patterns.
func Less(a, b string) bool {
	return less(describe(a), describe(b))
}

func describe(pattern string) candidate {
	kind, key := Classify(pattern)
	switch kind {
	case Prefix:
		return candidate{firstWildcard: len(key), isPrefix: true, wcPath: key}
	case Segments:
		c := candidate{firstWildcard: strings.Index(key, "+"), wcPath: key}
		if strings.HasSuffix(key, "*") {
			c.isPrefix = true
			c.wcPath = strings.TrimSuffix(key, "*")
		}
		for _, s := range strings.Split(c.wcPath, "/") {
			if s == "+" {
				c.wildcards++
			}
		}
		return c
	}
	return candidate{firstWildcard: len(key), wcPath: key}
}

func less(a, b candidate) bool {
	if a.firstWildcard != b.firstWildcard {
		return a.firstWildcard < b.firstWildcard
	}
	if a.isPrefix != b.isPrefix {
		return a.isPrefix
	}
	if a.wildcards != b.wildcards {
		return a.wildcards > b.wildcards
	}
	if len(a.wcPath) != len(b.wcPath) {
		return len(a.wcPath) < len(b.wcPath)
	}
	return a.wcPath < b.wcPath
}

func (e *Evaluator) nonExact(path string) *entry {
	var cands []candidate
	var best *entry
	for key, en := range e.prefix {
		if strings.HasPrefix(path, key) && (best == nil || len(key) > len(best.key)) {
			best = en
		}
	}
	if best != nil {
		if len(e.segments) == 0 {
			return best
		}
		cands = append(cands, candidate{firstWildcard: len(best.key), isPrefix: true, wcPath: best.key, en: best})
	}
	for _, en := range e.segments {
		if !segmentsMatch(en.key, path) {
			continue
		}
		c := describe(en.key)
		c.en = en
		cands = append(cands, c)
	}
	if len(cands) == 0 {
		return nil
	}
	sort.Slice(cands, func(i, j int) bool { return less(cands[i], cands[j]) })
	return cands[len(cands)-1].en
}

// Matches reports whether a pattern matches a concrete request path.
func Matches(pattern, path string) bool {
	pattern = strings.TrimPrefix(pattern, "/")
	kind, key := Classify(pattern)
	switch kind {
	case Exact:
		return path == key
	case Prefix:
		return strings.HasPrefix(path, key)
	}
	return segmentsMatch(key, path)
}

// segmentsMatch matches a "+" pattern (trailing "*" kept) segment by
// segment: "+" takes any one segment, the last segment of a glob is a
// string prefix, every other segment must be equal.
func segmentsMatch(pattern, path string) bool {
	isPrefix := strings.HasSuffix(pattern, "*")
	pattern = strings.TrimSuffix(pattern, "*")
	want := strings.Split(pattern, "/")
	got := strings.Split(path, "/")
	if len(got) < len(want) || (!isPrefix && len(got) != len(want)) {
		return false
	}
	for i, w := range want {
		switch {
		case w == "+", w == got[i]:
		case isPrefix && i == len(want)-1 && strings.HasPrefix(got[i], w):
		default:
			return false
		}
	}
	return true
}

// Patterns lists every compiled pattern with its merged capabilities, for
// callers that want to search the set (who-can).
func (e *Evaluator) Patterns() []Pattern {
	var out []Pattern
	for _, tree := range []map[string]*entry{e.exact, e.prefix, e.segments} {
		for _, en := range tree {
			out = append(out, Pattern{Pattern: en.pattern, Kind: en.kind, Capabilities: en.capList(), Blocks: slices.Clone(en.blocks)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Pattern < out[j].Pattern })
	return out
}

// Pattern is one compiled pattern.
type Pattern struct {
	Pattern      string
	Kind         Kind
	Capabilities []string
	Blocks       []Block
}
