// Package syntax turns HCL (native and JSON, HCL v2 with an HCL v1 fallback)
// into one position-carrying tree, so that the Vault model is built the same
// way whatever syntax a file used.
//
// The tree follows HCL v1's shape, which is how Vault itself reads its
// config and policy files: an object is a list of items, each item has one or
// more keys (`listener "tcp" { ... }` has keys listener and tcp) and a value.
package syntax

import (
	"fmt"
)

// Pos is a 1-based line and column in a file.
type Pos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// Range is a span of source text. End may equal Start when only the start of
// a token is known.
type Range struct {
	File  string `json:"file"`
	Start Pos    `json:"start"`
	End   Pos    `json:"end"`
}

// String formats the range as file:line:col.
func (r Range) String() string {
	return fmt.Sprintf("%s:%d:%d", r.File, r.Start.Line, r.Start.Column)
}

// NodeKind says which field of a Node holds its content.
type NodeKind int

// Node kinds.
const (
	Scalar  NodeKind = iota // Value holds string, int64, float64, bool or nil
	Object                  // Items holds the members, in source order
	List                    // Elems holds the elements
	Unknown                 // an expression whose value is not statically known; Text holds its source
)

// Node is one value in the tree.
type Node struct {
	Kind  NodeKind
	Value any
	Items []*Item
	Elems []*Node
	Text  string
	Range Range
}

// Key is one key of an item, with its position.
type Key struct {
	Name  string
	Range Range
}

// Item is a member of an object: an attribute (one key) or a block (a type
// key followed by label keys).
type Item struct {
	Keys  []Key
	Val   *Node
	Range Range
}

// Name returns the first key.
func (it *Item) Name() string {
	if len(it.Keys) == 0 {
		return ""
	}
	return it.Keys[0].Name
}

// Block is an item seen as a block: its type, labels and body.
type Block struct {
	Type   string
	Labels []Key
	Body   *Node // an Object node
	Range  Range // the whole block
	Head   Range // the block's type and labels: where findings about the block point
}

// Blocks returns the items of obj named typ as blocks with n labels,
// accepting every way HCL v1 and JSON can spell them:
//
//	listener "tcp" { ... }              keys [listener tcp]
//	listener { tcp { ... } }            nested objects
//	"listener": [{"tcp": {...}}]        JSON list of objects
//
// Items that cannot be read as such a block are returned in bad.
func Blocks(obj *Node, typ string, n int) (blocks []*Block, bad []*Item) {
	if obj == nil || obj.Kind != Object {
		return nil, nil
	}
	for _, it := range obj.Items {
		if it.Name() != typ {
			continue
		}
		got, ok := expand(it, it.Keys[1:], it.Val, n)
		if !ok {
			bad = append(bad, it)
		}
		blocks = append(blocks, got...)
	}
	return blocks, bad
}

// expand descends into val until n labels are collected.
func expand(it *Item, labels []Key, val *Node, n int) ([]*Block, bool) {
	if val == nil {
		return nil, false
	}
	if val.Kind == List {
		var out []*Block
		ok := true
		for _, el := range val.Elems {
			got, good := expand(it, labels, el, n)
			ok = ok && good
			out = append(out, got...)
		}
		return out, ok
	}
	if val.Kind != Object {
		return nil, false
	}
	if len(labels) > n {
		return nil, false
	}
	if len(labels) == n {
		return []*Block{{Type: it.Keys[0].Name, Labels: labels, Body: val, Range: it.Range, Head: headRange(it.Keys[0], labels)}}, true
	}
	var out []*Block
	ok := true
	for _, sub := range val.Items {
		more := append(append([]Key{}, labels...), sub.Keys...)
		got, good := expand(&Item{Keys: append([]Key{it.Keys[0]}, more...), Val: sub.Val, Range: sub.Range}, more, sub.Val, n)
		ok = ok && good
		out = append(out, got...)
	}
	return out, ok
}

// headRange is where a finding about a block points: its type and labels
// when they are on one line (HCL), else its innermost label (nested JSON).
func headRange(typ Key, labels []Key) Range {
	if len(labels) == 0 {
		return typ.Range
	}
	last := labels[len(labels)-1].Range
	if last.File == typ.Range.File && last.Start.Line == typ.Range.Start.Line {
		return Range{File: typ.Range.File, Start: typ.Range.Start, End: last.End}
	}
	return last
}

// Attr returns the last item named name that is not a block (Vault's
// decoder lets the last assignment win), or nil.
func Attr(obj *Node, name string) *Item {
	if obj == nil || obj.Kind != Object {
		return nil
	}
	var found *Item
	for _, it := range obj.Items {
		if it.Name() == name && len(it.Keys) == 1 {
			found = it
		}
	}
	return found
}

// Plain converts a node to plain Go values (map[string]any, []any, scalars).
// Unknown nodes become nil. Repeated keys in an object: the last one wins,
// except that objects under the same key are merged, as HCL v1 decodes them.
func Plain(n *Node) any {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case Scalar:
		return n.Value
	case List:
		out := make([]any, 0, len(n.Elems))
		for _, e := range n.Elems {
			out = append(out, Plain(e))
		}
		return out
	case Object:
		out := make(map[string]any, len(n.Items))
		for _, it := range n.Items {
			v := Plain(it.Val)
			for i := len(it.Keys) - 1; i >= 1; i-- {
				v = map[string]any{it.Keys[i].Name: v}
			}
			if prev, ok := out[it.Name()].(map[string]any); ok {
				if m, ok := v.(map[string]any); ok {
					for k, x := range m {
						prev[k] = x
					}
					continue
				}
			}
			out[it.Name()] = v
		}
		return out
	}
	return nil
}
