package terraform

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/source/vaultfile"
	"github.com/vaultguard/vaultguard/lint/syntax"
)

// policy reads a vault_policy whose policy attribute is a literal string
// or heredoc. The policy is parsed from the attribute's source text in the
// .tf file, so every position (a path block's line and column) is the .tf
// file's own; file(), references and interpolated heredocs are not known
// statically and are skipped (a file() target is linted on its own).
func (r *reader) policy(b *hclsyntax.Block) {
	a, ok := b.Body.Attributes["policy"]
	if !ok {
		return
	}
	name := r.nameOf(b.Body, "name")
	if name == "" {
		name = b.Labels[1]
	}
	te, ok := a.Expr.(*hclsyntax.TemplateExpr)
	if !ok || len(te.Parts) != 1 {
		return
	}
	lit, ok := te.Parts[0].(*hclsyntax.LiteralValueExpr)
	if !ok {
		return
	}
	rng := lit.SrcRange
	if rng.Start.Byte < 0 || rng.End.Byte > len(r.src) || rng.Start.Byte >= rng.End.Byte {
		return
	}
	text := r.src[rng.Start.Byte:rng.End.Byte]
	if start := a.Expr.Range().Start.Byte; start >= 0 && start < len(r.src) && r.src[start] == '"' {
		// A one-line quoted string holds escapes (\n, \"): parse its value,
		// positioned at the string's first character.
		s, known := r.literal(b.Body, "policy")
		if !known {
			return
		}
		text = []byte(s)
	}
	at := syntax.Pos{Line: rng.Start.Line, Column: rng.Start.Column}
	f, perr := syntax.ParseEmbedded(r.file, text, at)
	if perr != nil {
		perr.Message = "policy " + name + ": " + perr.Message
		r.errs = append(r.errs, perr)
		return
	}
	p, errs := vaultfile.ReadPolicy(f, name, text, "terraform")
	if len(errs) > 0 {
		r.errs = append(r.errs, errs...)
		return
	}
	if len(p.Paths) == 0 {
		p.Range = conv(b.DefRange())
	}
	r.in.Policies = append(r.in.Policies, p)
}

// policyDocument reads data "vault_policy_document": each rule block is a
// path rule positioned at its path attribute.
func (r *reader) policyDocument(b *hclsyntax.Block) {
	p := &model.Policy{Name: b.Labels[1], Origin: "terraform", Range: conv(b.DefRange())}
	for _, rule := range b.Body.Blocks {
		if rule.Type != "rule" {
			continue
		}
		pa, ok := rule.Body.Attributes["path"]
		if !ok {
			continue
		}
		pattern, ok := r.literal(rule.Body, "path")
		if !ok {
			continue // an interpolated path is not statically known
		}
		pr := &model.PathRule{Pattern: strings.TrimPrefix(pattern, "/"), Range: conv(pa.Expr.Range()), Attrs: map[string]*model.Attr{}}
		for name, a := range rule.Body.Attributes {
			if name == "path" {
				continue
			}
			pr.Attrs[name] = vaultfile.AttrOf(r.node(a))
		}
		for _, kind := range []string{"allowed_parameter", "denied_parameter"} {
			params := map[string]any{}
			var at *syntax.Range
			for _, sub := range rule.Body.Blocks {
				if sub.Type != kind {
					continue
				}
				key, ok := r.literal(sub.Body, "key")
				if !ok {
					continue
				}
				var vals any = []any{}
				if va, ok := sub.Body.Attributes["value"]; ok {
					vals = syntax.Plain(r.node(va))
				}
				params[key] = vals
				if at == nil {
					rg := conv(sub.DefRange())
					at = &rg
				}
			}
			if at != nil {
				pr.Attrs[kind+"s"] = &model.Attr{Value: params, Known: true, Range: *at}
			}
		}
		caps := pr.Attrs["capabilities"]
		if caps == nil || !caps.Known {
			continue
		}
		list, ok := model.Strings(caps.Value)
		if !ok {
			continue
		}
		pr.Written = list
		pr.Capabilities = grant(list)
		p.Paths = append(p.Paths, pr)
	}
	if len(p.Paths) > 0 {
		p.Range = p.Paths[0].Range
	}
	r.in.Policies = append(r.in.Policies, p)
}

// grant is what Vault grants for a capabilities list: deny discards the
// rest.
func grant(list []string) []string {
	if slices.Contains(list, "deny") {
		return []string{"deny"}
	}
	out := make([]string, 0, len(list))
	for _, c := range list {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}
