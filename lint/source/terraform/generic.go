package terraform

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/source/vaultfile"
	"github.com/vaultguard/vaultguard/lint/source/vaultpath"
	"github.com/vaultguard/vaultguard/lint/syntax"
)

// mountType records the type of a mount a resource enables at a literal
// path, so that a vault_generic_endpoint write under it is read as the
// right kind (a role under an AppRole mount named "ci" is an AppRole role).
func (r *reader) mountType(b *hclsyntax.Block) {
	if b.Type != "resource" || len(b.Labels) != 2 {
		return
	}
	typ := b.Labels[0]
	lit := func(name, def string) string {
		if v, ok := r.literal(b.Body, name); ok {
			return strings.Trim(v, "/")
		}
		if _, set := b.Body.Attributes[name]; set {
			return ""
		}
		return def
	}
	switch {
	case typ == "vault_mount":
		if p, t := lit("path", ""), lit("type", ""); p != "" && t != "" {
			r.mounts[p] = t
		}
	case typ == "vault_database_secrets_mount":
		if p := lit("path", ""); p != "" {
			r.mounts[p] = "database"
		}
	case typ == "vault_auth_backend":
		t := lit("type", "")
		if p := lit("path", t); p != "" && t != "" {
			r.mounts["auth/"+p] = t
		}
	case authMountRe.MatchString(typ):
		t := authMountRe.FindStringSubmatch(typ)[1]
		if p := lit("path", t); p != "" {
			r.mounts["auth/"+p] = t
		}
	}
}

// genericEndpoint reads vault_generic_endpoint, the provider's way to write
// any path (roles and mounts it has no resource for, or older providers):
// a write of data_json to path, read like `vault write path k=v`. Only a
// literal path with data Terraform knows before apply (jsonencode of an
// object, or a JSON string) is read; otherwise nothing is, since rules
// about missing settings would fire on data they cannot see.
func (r *reader) genericEndpoint(b *hclsyntax.Block) {
	p, ok := r.literal(b.Body, "path")
	if !ok {
		return
	}
	t, ok := vaultpath.Classify(p, func(mount string) string { return r.mounts[mount] })
	if !ok {
		return
	}
	data, ok := r.endpointData(b.Body)
	if !ok {
		return
	}
	o := r.object(t.Kind, b, t.Name)
	o.Meta["mount"] = t.Mount
	for k, a := range data {
		o.Attrs[k] = model.NormaliseList(k, a)
	}
	switch t.Kind {
	case model.KindAuthRole:
		o.Meta["method"] = t.Method
	case model.KindMount:
		o.Meta["class"] = t.Class
		if !t.Tune {
			r.setLiteral(o, "path", t.Mount, b.Body.Attributes["path"].Expr.Range())
		}
	case model.KindAuditDevice:
		r.setLiteral(o, "path", t.Mount, b.Body.Attributes["path"].Expr.Range())
		if opts := o.Attrs["options"]; opts != nil && opts.Known {
			if m, ok := opts.Value.(map[string]any); ok {
				for k, v := range m {
					o.Attrs[k] = &model.Attr{Value: v, Known: true, Range: opts.Range}
				}
			}
		}
		delete(o.Attrs, "options")
	}
	r.add(o)
}

// endpointData reads data_json: jsonencode({...}) keeps each value's own
// position; a JSON string (a heredoc, say) is decoded, its values placed
// at the attribute.
func (r *reader) endpointData(body *hclsyntax.Body) (map[string]*model.Attr, bool) {
	a, ok := body.Attributes["data_json"]
	if !ok {
		return nil, false
	}
	if call, isCall := a.Expr.(*hclsyntax.FunctionCallExpr); isCall {
		if call.Name != "jsonencode" || len(call.Args) != 1 {
			return nil, false
		}
		arg := &hclsyntax.Attribute{Name: a.Name, Expr: call.Args[0], SrcRange: call.Args[0].Range(), NameRange: a.NameRange}
		n := r.node(arg)
		if n.Kind != syntax.Object {
			return nil, false
		}
		out := map[string]*model.Attr{}
		for _, it := range n.Items {
			out[it.Name()] = vaultfile.AttrOf(it.Val)
		}
		return out, true
	}
	s, holes, ok := r.jsonTemplate(a.Expr)
	if !ok {
		return nil, false
	}
	var m map[string]any
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		return nil, false
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, false // more than one JSON value, as json.Unmarshal refuses
	}
	at := conv(a.Expr.Range())
	out := map[string]*model.Attr{}
	for k, v := range m {
		if _, inKey := holeIn(k, holes); inKey {
			continue // a setting whose name comes from a variable
		}
		if text, unknown := holeIn(v, holes); unknown {
			out[k] = &model.Attr{Known: false, Text: text, Range: at}
			continue
		}
		out[k] = &model.Attr{Value: model.FromJSON(v), Known: true, Range: at}
	}
	return out, true
}

// holeMark stands for an interpolation in a JSON template, written as JSON
// escapes (`\u0000`) that decode to holeKey's NUL bytes, which no literal
// text of the template can hold.
const (
	holeMark = `\u0000vaultguard-hole-%d\u0000`
	holeKey  = "\x00vaultguard-hole-%d\x00"
)

// jsonTemplate reads a data_json string: literal text as is, each
// interpolation (`"${var.password}"` inside a string, `${var.ttl}` as a
// value) replaced by a marker, so that the JSON still decodes and the
// values that depend on variables are known to be unknown. holes maps a
// marker to the interpolation's source text.
func (r *reader) jsonTemplate(expr hclsyntax.Expression) (string, map[string]string, bool) {
	var parts []hclsyntax.Expression
	switch e := expr.(type) {
	case *hclsyntax.TemplateExpr:
		parts = e.Parts
	default:
		attr := &hclsyntax.Attribute{Name: "data_json", Expr: expr, SrcRange: expr.Range()}
		n := r.node(attr)
		s, ok := n.Value.(string)
		return s, nil, ok && n.Kind == syntax.Scalar
	}
	var b strings.Builder
	holes := map[string]string{}
	inString := false
	for _, p := range parts {
		if lit, ok := p.(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String && lit.Val.IsKnown() && !lit.Val.IsNull() {
			text := lit.Val.AsString()
			inString = quoteState(text, inString)
			b.WriteString(text)
			continue
		}
		rng := p.Range()
		src := ""
		if rng.Start.Byte >= 0 && rng.End.Byte <= len(r.src) && rng.Start.Byte <= rng.End.Byte {
			src = string(r.src[rng.Start.Byte:rng.End.Byte])
		}
		mark := fmt.Sprintf(holeKey, len(holes))
		holes[mark] = "${" + src + "}"
		if inString {
			fmt.Fprintf(&b, holeMark, len(holes)-1)
		} else {
			fmt.Fprintf(&b, `"`+holeMark+`"`, len(holes)-1)
		}
	}
	return b.String(), holes, true
}

// quoteState says whether JSON text leaves the decoder inside a string,
// given whether it started inside one.
func quoteState(text string, in bool) bool {
	for i := 0; i < len(text); i++ {
		switch {
		case in && text[i] == '\\':
			i++ // the escaped character
		case text[i] == '"':
			in = !in
		}
	}
	return in
}

// holeIn reports whether a decoded value holds an interpolation, with the
// interpolations' source text.
func holeIn(v any, holes map[string]string) (string, bool) {
	if len(holes) == 0 {
		return "", false
	}
	var found []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			for mark, text := range holes {
				if strings.Contains(x, mark) {
					found = append(found, text)
				}
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	sort.Strings(found)
	return strings.Join(found, " "), len(found) > 0
}
