package model

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// The Rego input is one document whose top-level keys are object kinds:
//
//	{"server_config": [...], "policy": [...], "approle_role": [...]}
//
// so a rule iterates the kind it checks (`some role in input.approle_role`)
// and costs nothing on inputs without it. Every object, block and attribute
// carries `_loc`, which rules return unchanged so that Go can position the
// finding; rules never compute positions.
//
// The document is built as OPA terms directly rather than as Go maps that
// ast.InterfaceToValue then converts: on thousands of policies that
// conversion cost more than evaluating the rules. Keys and file names are
// shared terms; line and column numbers are OPA's interned small integers.

// RangeFromLoc decodes a `_loc` object a rule returned.
func RangeFromLoc(v any) (Range, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		return Range{}, false
	}
	var r Range
	r.File, _ = m["file"].(string)
	r.Start.Line = toInt(m["line"])
	r.Start.Column = toInt(m["column"])
	r.End.Line = toInt(m["end_line"])
	r.End.Column = toInt(m["end_column"])
	return r, r.File != ""
}

func toInt(v any) int {
	switch x := v.(type) {
	case int:
		return x
	case int64:
		return int(x)
	case float64:
		return int(x)
	case interface{ Int64() (int64, error) }:
		n, _ := x.Int64()
		return int(n)
	}
	return 0
}

// Keys every encoded object uses, built once.
var (
	kKind      = ast.StringTerm("_kind")
	kLoc       = ast.StringTerm("_loc")
	kName      = ast.StringTerm("_name")
	kLabels    = ast.StringTerm("_labels")
	kType      = ast.StringTerm("_type")
	kFile      = ast.StringTerm("file")
	kLine      = ast.StringTerm("line")
	kColumn    = ast.StringTerm("column")
	kEndLine   = ast.StringTerm("end_line")
	kEndColumn = ast.StringTerm("end_column")
	kKnown     = ast.StringTerm("known")
	kValue     = ast.StringTerm("value")
	kText      = ast.StringTerm("text")
	kBool      = ast.StringTerm("bool")
	kSeconds   = ast.StringTerm("seconds")
	kPath      = ast.StringTerm("path")
	kCaps      = ast.StringTerm("capabilities")
	kCapsAttr  = ast.StringTerm("capabilities_attr")
	kWritten   = ast.StringTerm("written")
	kPolName   = ast.StringTerm("name")
	kOrigin    = ast.StringTerm("origin")
	kPaths     = ast.StringTerm("paths")
	kGlob      = ast.StringTerm("glob")
	tPolicy    = ast.StringTerm(KindPolicy)
)

// capabilityTerms are shared by every policy: capability names are most
// of a policy's strings. Read-only after init, so safe from any goroutine.
var capabilityTerms = func() map[string]*ast.Term {
	m := map[string]*ast.Term{}
	for _, c := range []string{"create", "read", "update", "patch", "delete", "list", "sudo", "deny", "subscribe", "recover", "root"} {
		m[c] = ast.StringTerm(c)
	}
	return m
}()

// encoder builds terms, sharing one string term per distinct file name,
// key and capability name.
type encoder struct {
	strs  map[string]*ast.Term
	lists map[string]*ast.Term
}

func newEncoder() *encoder {
	return &encoder{strs: map[string]*ast.Term{}, lists: map[string]*ast.Term{}}
}

// str returns a shared term for a string that repeats (file and key names).
func (e *encoder) str(s string) *ast.Term {
	if t, ok := capabilityTerms[s]; ok {
		return t
	}
	t, ok := e.strs[s]
	if !ok {
		t = ast.StringTerm(s)
		e.strs[s] = t
	}
	return t
}

// Term returns the policy encoded for Rego. The encoding is made once and
// kept, so loaders can build it on the goroutine that parsed the file and
// parallel evaluations share it; a policy must not change once encoded.
func (p *Policy) Term() *ast.Term {
	if t := p.term.Load(); t != nil {
		return t
	}
	t := newEncoder().policy(p)
	p.term.CompareAndSwap(nil, t)
	return p.term.Load()
}

func (e *encoder) loc(r Range) *ast.Term {
	return ast.ObjectTerm(
		[2]*ast.Term{kFile, e.str(r.File)},
		[2]*ast.Term{kLine, ast.IntNumberTerm(r.Start.Line)},
		[2]*ast.Term{kColumn, ast.IntNumberTerm(r.Start.Column)},
		[2]*ast.Term{kEndLine, ast.IntNumberTerm(r.End.Line)},
		[2]*ast.Term{kEndColumn, ast.IntNumberTerm(r.End.Column)},
	)
}

// Value encodes the input as the document rules see.
func (in *Input) Value() ast.Value {
	e := newEncoder()
	byKind := map[string][]*ast.Term{}
	var kinds []string
	for _, o := range in.Objects {
		if _, ok := byKind[o.Kind]; !ok {
			kinds = append(kinds, o.Kind)
		}
		byKind[o.Kind] = append(byKind[o.Kind], e.object(o))
	}
	items := make([][2]*ast.Term, 0, len(kinds)+1)
	for _, k := range kinds {
		items = append(items, [2]*ast.Term{e.str(k), ast.ArrayTerm(byKind[k]...)})
	}
	if len(in.Policies) > 0 {
		list := make([]*ast.Term, len(in.Policies))
		for i, p := range in.Policies {
			list[i] = p.Term()
		}
		items = append(items, [2]*ast.Term{tPolicy, ast.ArrayTerm(list...)})
	}
	return ast.NewObject(items...)
}

// attr encodes one attribute: its value (null when not statically known),
// `known`, `_loc`, and Vault's readings of it as `bool` and `seconds` where
// the value can be read so.
func (e *encoder) attr(a *Attr) *ast.Term {
	items := make([][2]*ast.Term, 0, 5)
	items = append(items, [2]*ast.Term{kKnown, ast.InternedTerm(a.Known)}, [2]*ast.Term{kLoc, e.loc(a.Range)})
	if !a.Known {
		items = append(items, [2]*ast.Term{kValue, ast.NullTerm()}, [2]*ast.Term{kText, ast.StringTerm(a.Text)})
		return ast.ObjectTerm(items...)
	}
	items = append(items, [2]*ast.Term{kValue, e.value(a.Value)})
	if b, ok := Bool(a.Value); ok {
		items = append(items, [2]*ast.Term{kBool, ast.InternedTerm(b)})
	}
	if s, ok := Seconds(a.Value); ok {
		items = append(items, [2]*ast.Term{kSeconds, int64Term(s)})
	}
	return ast.ObjectTerm(items...)
}

func int64Term(n int64) *ast.Term {
	if n >= -1 && n <= 512 {
		return ast.IntNumberTerm(int(n))
	}
	return ast.NumberTerm(json.Number(strconv.FormatInt(n, 10)))
}

// value encodes a plain value from the model: strings, numbers, booleans,
// null, lists and maps, as the syntax and source packages produce them.
func (e *encoder) value(v any) *ast.Term {
	switch x := v.(type) {
	case nil:
		return ast.NullTerm()
	case string:
		return ast.StringTerm(x)
	case bool:
		return ast.InternedTerm(x)
	case int64:
		return int64Term(x)
	case int:
		return int64Term(int64(x))
	case float64:
		return ast.FloatNumberTerm(x)
	case []string:
		return e.strings(x)
	case []any:
		out := make([]*ast.Term, len(x))
		for i, el := range x {
			if s, ok := el.(string); ok {
				out[i] = e.str(s)
				continue
			}
			out[i] = e.value(el)
		}
		return ast.ArrayTerm(out...)
	case map[string]any:
		items := make([][2]*ast.Term, 0, len(x))
		for k, el := range x {
			items = append(items, [2]*ast.Term{e.str(k), e.value(el)})
		}
		return ast.ObjectTerm(items...)
	}
	// Anything else (no source produces it today) goes the generic way.
	t, err := ast.InterfaceToValue(v)
	if err != nil {
		return ast.NullTerm()
	}
	return ast.NewTerm(t)
}

// strings encodes a list of strings through the shared terms; equal lists
// (a policy's ["read"] on path after path, capabilities as granted and as
// written) share one term.
func (e *encoder) strings(list []string) *ast.Term {
	key := strings.Join(list, "\x00")
	if t, ok := e.lists[key]; ok && len(list) > 0 {
		return t
	}
	out := make([]*ast.Term, len(list))
	for i, s := range list {
		out[i] = e.str(s)
	}
	t := ast.ArrayTerm(out...)
	if len(list) > 0 {
		e.lists[key] = t
	}
	return t
}

// object encodes an object or block.
func (e *encoder) object(o *Object) *ast.Term {
	items := make([][2]*ast.Term, 0, 5+len(o.Attrs)+len(o.Blocks)+len(o.Meta))
	items = append(items, [2]*ast.Term{kKind, e.str(o.Kind)}, [2]*ast.Term{kLoc, e.loc(o.Range)})
	if o.Name != "" {
		items = append(items, [2]*ast.Term{kName, ast.StringTerm(o.Name)})
	}
	labels := make([]*ast.Term, len(o.Labels))
	for i, l := range o.Labels {
		labels[i] = ast.StringTerm(l)
	}
	items = append(items, [2]*ast.Term{kLabels, ast.ArrayTerm(labels...)})
	if len(o.Labels) > 0 {
		items = append(items, [2]*ast.Term{kType, labels[0]})
	}
	for k, a := range o.Attrs {
		items = append(items, [2]*ast.Term{e.str(k), e.attr(a)})
	}
	for k, bs := range o.Blocks {
		list := make([]*ast.Term, len(bs))
		for i, b := range bs {
			list[i] = e.object(b)
		}
		items = append(items, [2]*ast.Term{e.str(k), ast.ArrayTerm(list...)})
	}
	for k, v := range o.Meta {
		items = append(items, [2]*ast.Term{e.str("_" + k), e.value(v)})
	}
	return ast.ObjectTerm(dedupItems(items)...)
}

// dedupItems keeps the last of items with the same key, as assigning into a
// map did (an attribute named like a block, say).
func dedupItems(items [][2]*ast.Term) [][2]*ast.Term {
	seen := make(map[string]int, len(items))
	out := items[:0]
	for _, it := range items {
		k := string(it[0].Value.(ast.String))
		if i, ok := seen[k]; ok {
			out[i] = it
			continue
		}
		seen[k] = len(out)
		out = append(out, it)
	}
	return out
}

// policy encodes a policy. A path's capabilities are what Vault grants;
// the attribute as written stays reachable as capabilities_attr, and the
// list as written as written.
func (e *encoder) policy(p *Policy) *ast.Term {
	paths := make([]*ast.Term, len(p.Paths))
	for i, pr := range p.Paths {
		items := make([][2]*ast.Term, 0, len(pr.Attrs)+5)
		for k, a := range pr.Attrs {
			switch k {
			case "path", "_loc", "written", "capabilities_attr", "glob":
				continue // never attributes of a path block; ours win
			case "capabilities":
				items = append(items, [2]*ast.Term{kCapsAttr, e.attr(a)})
				continue
			}
			items = append(items, [2]*ast.Term{e.str(k), e.attr(a)})
		}
		items = append(items,
			[2]*ast.Term{kPath, ast.StringTerm(pr.Pattern)},
			[2]*ast.Term{kGlob, ast.InternedTerm(IsGlob(pr.Pattern))},
			[2]*ast.Term{kLoc, e.loc(pr.Range)},
			[2]*ast.Term{kCaps, e.strings(pr.Capabilities)},
			[2]*ast.Term{kWritten, e.strings(pr.Written)},
		)
		paths[i] = ast.ObjectTerm(items...)
	}
	return ast.ObjectTerm(
		[2]*ast.Term{kKind, tPolicy},
		[2]*ast.Term{kPolName, ast.StringTerm(p.Name)},
		[2]*ast.Term{kOrigin, e.str(p.Origin)},
		[2]*ast.Term{kLoc, e.loc(p.Range)},
		[2]*ast.Term{kPaths, ast.ArrayTerm(paths...)},
	)
}

// IsGlob says whether an ACL path pattern can match more than one path:
// a trailing "*" or a whole "+" segment, as lib.is_glob tests it (Vault
// also files "a/+b" under its segment-wildcard tree, but that matches
// one path only).
func IsGlob(pattern string) bool {
	return strings.HasSuffix(pattern, "*") || pattern == "+" || strings.HasPrefix(pattern, "+/") ||
		strings.HasSuffix(pattern, "/+") || strings.Contains(pattern, "/+/")
}
