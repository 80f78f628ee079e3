package syntax

import (
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"sort"
	"strings"
	"unicode/utf8"

	hcl1ast "github.com/hashicorp/hcl/hcl/ast"
	hcl1parser "github.com/hashicorp/hcl/hcl/parser"
	hcl1token "github.com/hashicorp/hcl/hcl/token"
	hcl1json "github.com/hashicorp/hcl/json/parser"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"
)

// Syntax names the grammar a file was read with.
type Syntax string

// Syntaxes.
const (
	SyntaxHCL  Syntax = "hcl"  // HCL native syntax, read with hcl/v2
	SyntaxHCL1 Syntax = "hcl1" // HCL v1-only syntax, read with Vault's own parser
	SyntaxJSON Syntax = "json" // JSON, read with hcl/v2
)

// File is a parsed file.
type File struct {
	Name   string
	Syntax Syntax
	Root   *Node
}

// Error is a positioned parse error.
type Error struct {
	Range   Range
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Range, e.Message) }

// IsJSON reports whether src looks like JSON (its first non-blank byte is
// '{'), which is how Vault's parser decides too.
func IsJSON(src []byte) bool {
	t := bytes.TrimLeft(src, " \t\r\n\ufeff")
	return len(t) > 0 && t[0] == '{'
}

// Parse reads an HCL or JSON file the way Vault does: hcl/v2 for exact
// ranges, and Vault's HCL v1 parser as the fallback for HCL1-only syntax
// and as the judge of whatever hcl/v2 does not read as plain literals. A
// rejected file returns an error with a position; Parse never panics.
func Parse(name string, src []byte) (f *File, perr *Error) {
	defer func() {
		if r := recover(); r != nil {
			f, perr = nil, &Error{Range: Range{File: name, Start: Pos{1, 1}, End: Pos{1, 1}}, Message: fmt.Sprintf("unparseable input: %v", r)}
		}
	}()
	if !utf8.Valid(src) {
		return nil, &Error{Range: firstInvalidUTF8(name, src), Message: "file is not valid UTF-8 text"}
	}
	if IsJSON(src) {
		root, err := parseJSONv2(name, src)
		if err != nil {
			return nil, err
		}
		if _, err := hcl1json.Parse(src); err != nil {
			return nil, hcl1Error(name, err)
		}
		return &File{Name: name, Syntax: SyntaxJSON, Root: root}, nil
	}
	if root, ok := parseFast(name, src); ok {
		// Plain literal ASCII HCL, read without hcl/v2 into the same tree
		// (see fast.go).
		return &File{Name: name, Syntax: SyntaxHCL, Root: root}, nil
	}
	root, v2err := parseHCLv2(name, src)
	if v2err == nil && known(root) {
		// Plain literal HCL that hcl/v2 reads is HCL that Vault's parser
		// reads the same way: everything the two grammars disagree on
		// (interpolation, expressions, HCL1-only forms) is either rejected
		// by hcl/v2 or leaves a non-literal value and takes the path below.
		return &File{Name: name, Syntax: SyntaxHCL, Root: root}, nil
	}
	ast1, v1err := hcl1parser.ParseDontErrorOnDuplicateKeys(src)
	switch {
	case v1err != nil && v2err != nil:
		return nil, v2err
	case v1err != nil:
		// hcl/v2 reads it but Vault's parser does not: Vault would reject it.
		return nil, hcl1Error(name, v1err)
	}
	// HCL1-only syntax (or ${...} that HCL1 reads literally): Vault's view.
	return &File{Name: name, Syntax: SyntaxHCL1, Root: fromHCL1(name, src, ast1)}, nil
}

// ParseHCLv2Body converts an already parsed hcl/v2 native body (a Terraform
// heredoc policy, say) into the tree; used by adapters for embedded content.
func ParseHCLv2Body(body *hclsyntax.Body, src []byte) *Node {
	return fromBody(body, src)
}

func firstInvalidUTF8(name string, src []byte) Range {
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	p := Pos{line, col}
	return Range{File: name, Start: p, End: p}
}

func known(n *Node) bool {
	if n == nil {
		return true
	}
	switch n.Kind {
	case Unknown:
		return false
	case Object:
		for _, it := range n.Items {
			if !known(it.Val) {
				return false
			}
		}
	case List:
		for _, e := range n.Elems {
			if !known(e) {
				return false
			}
		}
	}
	return true
}

func hcl1Error(name string, err error) *Error {
	var pe *hcl1parser.PosError
	if errors.As(err, &pe) {
		p := Pos{Line: max(pe.Pos.Line, 1), Column: max(pe.Pos.Column, 1)}
		return &Error{Range: Range{File: name, Start: p, End: p}, Message: strings.TrimSpace(pe.Err.Error())}
	}
	msg := err.Error()
	return &Error{Range: Range{File: name, Start: Pos{1, 1}, End: Pos{1, 1}}, Message: msg}
}

func diagError(name string, diags hcl.Diagnostics) *Error {
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		r := Range{File: name, Start: Pos{1, 1}, End: Pos{1, 1}}
		if d.Subject != nil {
			r = convRange(name, *d.Subject)
		}
		return &Error{Range: r, Message: msg}
	}
	return nil
}

func convRange(name string, r hcl.Range) Range {
	return Range{File: name, Start: Pos{r.Start.Line, r.Start.Column}, End: Pos{r.End.Line, r.End.Column}}
}

// ---- hcl/v2 native syntax ----

func parseHCLv2(name string, src []byte) (*Node, *Error) {
	f, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, diagError(name, diags)
	}
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return nil, &Error{Range: Range{File: name, Start: Pos{1, 1}, End: Pos{1, 1}}, Message: "unexpected body type"}
	}
	return fromBody(body, src), nil
}

func fromBody(body *hclsyntax.Body, src []byte) *Node {
	name := body.SrcRange.Filename
	type entry struct {
		at   int
		item *Item
	}
	var entries []entry
	for _, a := range body.Attributes {
		entries = append(entries, entry{a.SrcRange.Start.Byte, &Item{
			Keys:  []Key{{Name: a.Name, Range: convRange(name, a.NameRange)}},
			Val:   fromExpr(a.Expr, src),
			Range: convRange(name, a.SrcRange),
		}})
	}
	for _, b := range body.Blocks {
		keys := []Key{{Name: b.Type, Range: convRange(name, b.TypeRange)}}
		for i, l := range b.Labels {
			keys = append(keys, Key{Name: l, Range: convRange(name, b.LabelRanges[i])})
		}
		entries = append(entries, entry{b.TypeRange.Start.Byte, &Item{Keys: keys, Val: fromBody(b.Body, src), Range: convRange(name, b.Range())}})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].at < entries[j].at })
	n := &Node{Kind: Object, Range: convRange(name, body.SrcRange)}
	for _, e := range entries {
		n.Items = append(n.Items, e.item)
	}
	return n
}

func fromExpr(expr hcl.Expression, src []byte) *Node {
	r := expr.Range()
	rng := convRange(r.Filename, r)
	switch e := expr.(type) {
	case *hclsyntax.ObjectConsExpr:
		n := &Node{Kind: Object, Range: rng}
		for _, it := range e.Items {
			key, ok := objectKey(it.KeyExpr)
			if !ok {
				return unknownNode(r, src)
			}
			kr := it.KeyExpr.Range()
			n.Items = append(n.Items, &Item{
				Keys:  []Key{{Name: key, Range: convRange(kr.Filename, kr)}},
				Val:   fromExpr(it.ValueExpr, src),
				Range: convRange(kr.Filename, hcl.RangeBetween(kr, it.ValueExpr.Range())),
			})
		}
		return n
	case *hclsyntax.TupleConsExpr:
		n := &Node{Kind: List, Range: rng}
		for _, el := range e.Exprs {
			n.Elems = append(n.Elems, fromExpr(el, src))
		}
		return n
	}
	v, diags := expr.Value(nil)
	if diags.HasErrors() || !v.IsWhollyKnown() {
		return unknownNode(r, src)
	}
	return fromCty(v, rng)
}

func objectKey(k hcl.Expression) (string, bool) {
	if ok, isKey := k.(*hclsyntax.ObjectConsKeyExpr); isKey {
		if !ok.ForceNonLiteral {
			if kw := hcl.ExprAsKeyword(ok.Wrapped); kw != "" {
				return kw, true
			}
		}
	}
	v, diags := k.Value(nil)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

func unknownNode(r hcl.Range, src []byte) *Node {
	text := ""
	if r.Start.Byte >= 0 && r.End.Byte <= len(src) && r.Start.Byte <= r.End.Byte {
		text = string(src[r.Start.Byte:r.End.Byte])
	}
	return &Node{Kind: Unknown, Text: text, Range: convRange(r.Filename, r)}
}

func fromCty(v cty.Value, rng Range) *Node {
	if v.IsNull() {
		return &Node{Kind: Scalar, Range: rng}
	}
	t := v.Type()
	switch {
	case t == cty.String:
		return &Node{Kind: Scalar, Value: v.AsString(), Range: rng}
	case t == cty.Bool:
		return &Node{Kind: Scalar, Value: v.True(), Range: rng}
	case t == cty.Number:
		return &Node{Kind: Scalar, Value: number(v.AsBigFloat()), Range: rng}
	case t.IsListType() || t.IsTupleType() || t.IsSetType():
		n := &Node{Kind: List, Range: rng}
		for it := v.ElementIterator(); it.Next(); {
			_, el := it.Element()
			n.Elems = append(n.Elems, fromCty(el, rng))
		}
		return n
	case t.IsMapType() || t.IsObjectType():
		n := &Node{Kind: Object, Range: rng}
		for it := v.ElementIterator(); it.Next(); {
			k, el := it.Element()
			n.Items = append(n.Items, &Item{Keys: []Key{{Name: k.AsString(), Range: rng}}, Val: fromCty(el, rng), Range: rng})
		}
		return n
	}
	return &Node{Kind: Unknown, Range: rng}
}

func number(f *big.Float) any {
	if f.IsInt() {
		if i, acc := f.Int64(); acc == big.Exact {
			return i
		}
	}
	x, _ := f.Float64()
	return x
}

// ---- hcl/v2 JSON ----

func parseJSONv2(name string, src []byte) (*Node, *Error) {
	f, diags := hcljson.Parse(src, name)
	if diags.HasErrors() {
		return nil, diagError(name, diags)
	}
	attrs, diags := f.Body.JustAttributes()
	if diags.HasErrors() {
		return nil, diagError(name, diags)
	}
	rng := Range{File: name, Start: Pos{1, 1}, End: Pos{1, 1}}
	n := &Node{Kind: Object, Range: rng}
	list := make([]*hcl.Attribute, 0, len(attrs))
	for _, a := range attrs {
		list = append(list, a)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].NameRange.Start.Byte < list[j].NameRange.Start.Byte })
	for _, a := range list {
		n.Items = append(n.Items, &Item{
			Keys:  []Key{{Name: a.Name, Range: convRange(name, a.NameRange)}},
			Val:   fromJSONExpr(a.Expr),
			Range: convRange(name, a.Range),
		})
	}
	return n, nil
}

func fromJSONExpr(expr hcl.Expression) *Node {
	r := expr.Range()
	rng := convRange(r.Filename, r)
	if pairs, diags := hcl.ExprMap(expr); !diags.HasErrors() {
		n := &Node{Kind: Object, Range: rng}
		for _, p := range pairs {
			kv, d := p.Key.Value(nil)
			kr := p.Key.Range()
			if d.HasErrors() || kv.Type() != cty.String || kv.IsNull() {
				continue
			}
			n.Items = append(n.Items, &Item{
				Keys:  []Key{{Name: kv.AsString(), Range: convRange(kr.Filename, kr)}},
				Val:   fromJSONExpr(p.Value),
				Range: convRange(kr.Filename, hcl.RangeBetween(kr, p.Value.Range())),
			})
		}
		return n
	}
	if elems, diags := hcl.ExprList(expr); !diags.HasErrors() {
		n := &Node{Kind: List, Range: rng}
		for _, e := range elems {
			n.Elems = append(n.Elems, fromJSONExpr(e))
		}
		return n
	}
	v, diags := expr.Value(nil)
	if diags.HasErrors() || !v.IsWhollyKnown() {
		return &Node{Kind: Unknown, Range: rng}
	}
	return fromCty(v, rng)
}

// ---- HCL v1 (Vault's parser) ----

func fromHCL1(name string, src []byte, f *hcl1ast.File) *Node {
	list, ok := f.Node.(*hcl1ast.ObjectList)
	if !ok {
		return &Node{Kind: Object, Range: Range{File: name, Start: Pos{1, 1}, End: Pos{1, 1}}}
	}
	n := fromHCL1List(name, list)
	n.Range = Range{File: name, Start: Pos{1, 1}, End: endOf(src)}
	return n
}

func endOf(src []byte) Pos {
	line := 1 + bytes.Count(src, []byte{'\n'})
	col := len(src) - bytes.LastIndexByte(src, '\n')
	return Pos{line, col}
}

func fromHCL1List(name string, list *hcl1ast.ObjectList) *Node {
	n := &Node{Kind: Object}
	for _, it := range list.Items {
		item := &Item{Val: fromHCL1Node(name, it.Val)}
		for _, k := range it.Keys {
			item.Keys = append(item.Keys, Key{Name: tokenString(k.Token), Range: tokenRange(name, k.Token)})
		}
		start := item.Val.Range.Start
		if len(item.Keys) > 0 {
			start = item.Keys[0].Range.Start
		}
		item.Range = Range{File: name, Start: start, End: item.Val.Range.End}
		n.Items = append(n.Items, item)
	}
	if len(n.Items) > 0 {
		n.Range = Range{File: name, Start: n.Items[0].Range.Start, End: n.Items[len(n.Items)-1].Range.End}
	}
	return n
}

func fromHCL1Node(name string, node hcl1ast.Node) *Node {
	switch v := node.(type) {
	case *hcl1ast.ObjectType:
		n := fromHCL1List(name, v.List)
		n.Range = Range{File: name, Start: pos1(v.Lbrace), End: after(v.Rbrace, 1)}
		return n
	case *hcl1ast.ListType:
		n := &Node{Kind: List, Range: Range{File: name, Start: pos1(v.Lbrack), End: after(v.Rbrack, 1)}}
		for _, el := range v.List {
			n.Elems = append(n.Elems, fromHCL1Node(name, el))
		}
		return n
	case *hcl1ast.LiteralType:
		return &Node{Kind: Scalar, Value: v.Token.Value(), Range: tokenRange(name, v.Token)}
	}
	p := pos1(node.Pos())
	return &Node{Kind: Unknown, Range: Range{File: name, Start: p, End: p}}
}

func tokenString(t hcl1token.Token) string {
	if s, ok := t.Value().(string); ok {
		return s
	}
	return t.Text
}

func pos1(p hcl1token.Pos) Pos {
	return Pos{Line: max(p.Line, 1), Column: max(p.Column, 1)}
}

func after(p hcl1token.Pos, width int) Pos {
	q := pos1(p)
	q.Column += width
	return q
}

func tokenRange(name string, t hcl1token.Token) Range {
	start := pos1(t.Pos)
	end := start
	if i := strings.LastIndexByte(t.Text, '\n'); i >= 0 {
		end.Line += strings.Count(t.Text, "\n")
		end.Column = utf8.RuneCountInString(t.Text[i+1:]) + 1
	} else {
		end.Column += utf8.RuneCountInString(t.Text)
	}
	return Range{File: name, Start: start, End: end}
}
