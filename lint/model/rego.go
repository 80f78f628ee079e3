package model

// The Rego input is one document whose top-level keys are object kinds:
//
//	{"server_config": [...], "policy": [...], "approle_role": [...]}
//
// so a rule iterates the kind it checks (`some role in input.approle_role`)
// and costs nothing on inputs without it. Every object, block and attribute
// carries `_loc`, which rules return unchanged so that Go can position the
// finding; rules never compute positions.

// Loc encodes a range for Rego.
func Loc(r Range) map[string]any {
	return map[string]any{
		"file":       r.File,
		"line":       r.Start.Line,
		"column":     r.Start.Column,
		"end_line":   r.End.Line,
		"end_column": r.End.Column,
	}
}

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

// Rego encodes the input as the document rules see.
func (in *Input) Rego() map[string]any {
	doc := map[string]any{}
	for _, o := range in.Objects {
		list, _ := doc[o.Kind].([]any)
		doc[o.Kind] = append(list, o.Rego())
	}
	if len(in.Policies) > 0 {
		list := make([]any, 0, len(in.Policies))
		for _, p := range in.Policies {
			list = append(list, p.Rego())
		}
		doc[KindPolicy] = list
	}
	return doc
}

// Rego encodes an attribute: its value (null when not statically known),
// `known`, `_loc`, and Vault's readings of it as `bool` and `seconds` where
// the value can be read so.
func (a *Attr) Rego() map[string]any {
	m := map[string]any{"known": a.Known, "_loc": Loc(a.Range)}
	if !a.Known {
		m["value"] = nil
		m["text"] = a.Text
		return m
	}
	m["value"] = regoValue(a.Value)
	if b, ok := Bool(a.Value); ok {
		m["bool"] = b
	}
	if s, ok := Seconds(a.Value); ok {
		m["seconds"] = s
	}
	return m
}

func regoValue(v any) any {
	switch x := v.(type) {
	case []string:
		out := make([]any, len(x))
		for i, s := range x {
			out[i] = s
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = regoValue(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = regoValue(e)
		}
		return out
	}
	return v
}

// Rego encodes an object or block.
func (o *Object) Rego() map[string]any {
	m := map[string]any{"_kind": o.Kind, "_loc": Loc(o.Range)}
	if o.Name != "" {
		m["_name"] = o.Name
	}
	labels := make([]any, len(o.Labels))
	for i, l := range o.Labels {
		labels[i] = l
	}
	m["_labels"] = labels
	if len(o.Labels) > 0 {
		m["_type"] = o.Labels[0]
	}
	for k, a := range o.Attrs {
		m[k] = a.Rego()
	}
	for k, bs := range o.Blocks {
		list := make([]any, len(bs))
		for i, b := range bs {
			list[i] = b.Rego()
		}
		m[k] = list
	}
	for k, v := range o.Meta {
		m["_"+k] = regoValue(v)
	}
	return m
}

// Rego encodes a policy.
func (p *Policy) Rego() map[string]any {
	paths := make([]any, len(p.Paths))
	for i, pr := range p.Paths {
		m := make(map[string]any, len(pr.Attrs)+4)
		for k, a := range pr.Attrs {
			m[k] = a.Rego()
		}
		// The capabilities attribute as written stays reachable as
		// capabilities_attr; capabilities is what Vault grants.
		if a, ok := m["capabilities"]; ok {
			m["capabilities_attr"] = a
		}
		m["path"] = pr.Pattern
		m["_loc"] = Loc(pr.Range)
		m["capabilities"] = regoValue(pr.Capabilities)
		m["written"] = regoValue(pr.Written)
		paths[i] = m
	}
	return map[string]any{
		"_kind":  KindPolicy,
		"name":   p.Name,
		"origin": p.Origin,
		"_loc":   Loc(p.Range),
		"paths":  paths,
	}
}
