// Package terraform reads Terraform configurations that use the Vault
// provider (.tf files, hcl/v2) into the model: AppRole, token, Kubernetes
// and JWT roles, database connections and roles, audit devices, mounts,
// transit keys, tokens, policies (vault_policy heredocs and
// vault_policy_document data sources) and the provider's own settings.
//
// Attribute values that are expressions (variables, locals, references,
// function calls, interpolated strings) are kept as not statically known
// and never guessed; only literal values are checked.
package terraform

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/source"
	"github.com/vaultguard/vaultguard/lint/source/vaultfile"
	"github.com/vaultguard/vaultguard/lint/syntax"
)

// Adapter reads .tf files.
type Adapter struct{}

var _ source.Adapter = (*Adapter)(nil)

// New returns the Terraform adapter.
func New() *Adapter { return &Adapter{} }

// Name implements source.Adapter.
func (*Adapter) Name() string { return "terraform" }

// Match implements source.Adapter: files ending in .tf.
func (*Adapter) Match(p string, _ []byte) bool {
	return strings.HasSuffix(strings.ToLower(p), ".tf")
}

// Read implements source.Adapter. It never panics: a panic in the HCL
// library on hostile input is turned into a positioned error.
func (*Adapter) Read(name string, src []byte) (in *model.Input, errs []*syntax.Error) {
	defer func() {
		if r := recover(); r != nil {
			in = nil
			errs = []*syntax.Error{{Range: startOf(name), Message: fmt.Sprintf("unparseable Terraform: %v", r)}}
		}
	}()
	f, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		r := startOf(name)
		if d.Subject != nil {
			r = conv(*d.Subject)
		}
		errs = append(errs, &syntax.Error{Range: r, Message: "parse Terraform: " + msg})
		break
	}
	if f == nil {
		return nil, errs
	}
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok || len(errs) > 0 {
		return nil, errs
	}
	r := &reader{file: name, src: src, in: &model.Input{}, mounts: map[string]string{}}
	for _, b := range body.Blocks {
		r.mountType(b)
	}
	for _, b := range body.Blocks {
		r.block(b)
	}
	return r.in, append(errs, r.errs...)
}

func startOf(name string) syntax.Range {
	p := syntax.Pos{Line: 1, Column: 1}
	return syntax.Range{File: name, Start: p, End: p}
}

func conv(r hcl.Range) syntax.Range {
	return syntax.Range{File: r.Filename, Start: syntax.Pos{Line: r.Start.Line, Column: r.Start.Column}, End: syntax.Pos{Line: r.End.Line, Column: r.End.Column}}
}

type reader struct {
	file string
	src  []byte
	in   *model.Input
	errs []*syntax.Error
	// mounts maps mount paths enabled in the file ("auth/ci", "db") to
	// their types, for vault_generic_endpoint writes under them.
	mounts map[string]string
}

var (
	authRoleRe   = regexp.MustCompile(`^vault_([a-z0-9_]+)_auth_backend_role$`)
	authMountRe  = regexp.MustCompile(`^vault_([a-z0-9_]+)_auth_backend$`)
	secretBackRe = regexp.MustCompile(`^vault_([a-z0-9_]+)_secret_backend$`)
)

func (r *reader) block(b *hclsyntax.Block) {
	switch {
	case b.Type == "provider" && len(b.Labels) == 1 && b.Labels[0] == "vault":
		o := r.object(model.KindProvider, b, "")
		o.Meta["via"] = "config"
		r.copyAttrs(o, b.Body, nil)
		r.add(o)
	case b.Type == "data" && len(b.Labels) == 2 && b.Labels[0] == "vault_policy_document":
		r.policyDocument(b)
	case b.Type == "resource" && len(b.Labels) == 2:
		r.resource(b)
	}
}

func (r *reader) resource(b *hclsyntax.Block) {
	typ := b.Labels[0]
	switch typ {
	case "vault_approle_auth_backend_role":
		r.role(b, model.KindApproleRole, "approle", "")
	case "vault_token_auth_backend_role":
		r.role(b, model.KindTokenRole, "token", "")
	case "vault_jwt_auth_backend_role":
		method := "jwt"
		if v, ok := r.literal(b.Body, "role_type"); ok && v == "oidc" {
			method = "oidc"
		}
		r.role(b, model.KindAuthRole, "jwt", method)
	case "vault_database_secret_backend_connection":
		o := r.object(model.KindDatabaseConnection, b, r.nameOf(b.Body, "name"))
		r.mount(o, b.Body, "backend", "")
		r.copyAttrs(o, b.Body, nil)
		for _, sub := range b.Body.Blocks {
			o.Meta["plugin"] = sub.Type
			r.copyAttrs(o, sub.Body, nil)
		}
		r.add(o)
	case "vault_database_secret_backend_role":
		o := r.object(model.KindDatabaseRole, b, r.nameOf(b.Body, "name"))
		r.mount(o, b.Body, "backend", "")
		r.copyAttrs(o, b.Body, nil)
		r.add(o)
	case "vault_database_secrets_mount":
		m := r.object(model.KindMount, b, "")
		m.Meta["class"] = "secret"
		r.copyAttrs(m, b.Body, renameLeaseSeconds)
		r.setLiteral(m, "type", "database", b.DefRange())
		r.add(m)
		for _, sub := range b.Body.Blocks {
			c := r.object(model.KindDatabaseConnection, b, r.nameOf(sub.Body, "name"))
			c.Range = conv(sub.DefRange())
			c.Meta["plugin"] = sub.Type
			r.mount(c, b.Body, "path", "")
			r.copyAttrs(c, sub.Body, nil)
			r.add(c)
		}
	case "vault_audit":
		o := r.object(model.KindAuditDevice, b, r.nameOf(b.Body, "path"))
		r.copyAttrs(o, b.Body, nil)
		if a, ok := b.Body.Attributes["options"]; ok {
			if n := r.node(a); n.Kind == syntax.Object {
				for _, it := range n.Items {
					o.Attrs[it.Name()] = vaultfile.AttrOf(it.Val)
				}
			}
		}
		delete(o.Attrs, "options")
		r.add(o)
	case "vault_mount":
		o := r.object(model.KindMount, b, "")
		o.Meta["class"] = "secret"
		r.copyAttrs(o, b.Body, renameLeaseSeconds)
		r.add(o)
	case "vault_auth_backend":
		o := r.object(model.KindMount, b, "")
		o.Meta["class"] = "auth"
		r.copyAttrs(o, b.Body, nil)
		r.flattenTune(o, b.Body)
		r.add(o)
	case "vault_transit_secret_backend_key":
		o := r.object(model.KindTransitKey, b, r.nameOf(b.Body, "name"))
		r.mount(o, b.Body, "backend", "transit")
		r.copyAttrs(o, b.Body, map[string]string{"auto_rotate_interval": "auto_rotate_period"})
		r.add(o)
	case "vault_token":
		o := r.object(model.KindToken, b, r.nameOf(b.Body, "display_name"))
		r.copyAttrs(o, b.Body, map[string]string{"no_parent": "orphan"})
		r.add(o)
	case "vault_policy":
		r.policy(b)
	case "vault_generic_endpoint":
		r.genericEndpoint(b)
	default:
		switch {
		case authRoleRe.MatchString(typ):
			method := authRoleRe.FindStringSubmatch(typ)[1]
			r.role(b, model.KindAuthRole, method, method)
		case authMountRe.MatchString(typ):
			o := r.object(model.KindMount, b, "")
			o.Meta["class"] = "auth"
			r.copyAttrs(o, b.Body, nil)
			r.setLiteral(o, "type", authMountRe.FindStringSubmatch(typ)[1], b.DefRange())
			r.flattenTune(o, b.Body)
			r.add(o)
		case secretBackRe.MatchString(typ):
			o := r.object(model.KindMount, b, "")
			o.Meta["class"] = "secret"
			r.copyAttrs(o, b.Body, renameLeaseSeconds)
			r.setLiteral(o, "type", secretBackRe.FindStringSubmatch(typ)[1], b.DefRange())
			r.add(o)
		}
	}
}

// renameLeaseSeconds maps the provider's *_seconds names onto Vault's.
var renameLeaseSeconds = map[string]string{
	"default_lease_ttl_seconds": "default_lease_ttl",
	"max_lease_ttl_seconds":     "max_lease_ttl",
}

func (r *reader) role(b *hclsyntax.Block, kind, defaultMount, method string) {
	o := r.object(kind, b, r.nameOf(b.Body, "role_name"))
	if o.Name == "" {
		o.Name = r.nameOf(b.Body, "name")
	}
	if kind == model.KindAuthRole {
		o.Meta["method"] = method
	}
	if kind != model.KindTokenRole {
		r.mount(o, b.Body, "backend", defaultMount)
	}
	r.copyAttrs(o, b.Body, nil)
	r.add(o)
}

// flattenTune copies a vault_auth_backend tune block onto the mount.
func (r *reader) flattenTune(o *model.Object, body *hclsyntax.Body) {
	for _, sub := range body.Blocks {
		if sub.Type == "tune" {
			r.copyAttrs(o, sub.Body, nil)
		}
	}
	if a, ok := body.Attributes["tune"]; ok {
		n := r.node(a)
		if n.Kind == syntax.List && len(n.Elems) > 0 {
			n = n.Elems[0]
		}
		if n.Kind == syntax.Object {
			for _, it := range n.Items {
				o.Attrs[it.Name()] = model.NormaliseList(it.Name(), vaultfile.AttrOf(it.Val))
			}
		}
		delete(o.Attrs, "tune")
	}
}

func (r *reader) object(kind string, b *hclsyntax.Block, name string) *model.Object {
	head := hcl.RangeBetween(b.TypeRange, b.TypeRange)
	if len(b.LabelRanges) > 0 {
		head = hcl.RangeBetween(b.TypeRange, b.LabelRanges[len(b.LabelRanges)-1])
	}
	meta := map[string]any{"origin": "terraform", "dir": path.Dir(r.file)}
	if b.Type == "resource" || b.Type == "data" {
		meta["resource"] = strings.Join(b.Labels, ".")
	}
	return &model.Object{
		Kind:   kind,
		Name:   name,
		Labels: append([]string{}, b.Labels...),
		Range:  conv(head),
		Attrs:  map[string]*model.Attr{},
		Meta:   meta,
	}
}

func (r *reader) add(o *model.Object) { r.in.Objects = append(r.in.Objects, o) }

// mount records the mount path an object lives under, when it is a literal.
func (r *reader) mount(o *model.Object, body *hclsyntax.Body, attr, def string) {
	if v, ok := r.literal(body, attr); ok {
		o.Meta["mount"] = strings.Trim(v, "/")
		return
	}
	if _, set := body.Attributes[attr]; !set && def != "" {
		o.Meta["mount"] = def
	}
}

func (r *reader) setLiteral(o *model.Object, key, value string, at hcl.Range) {
	if _, ok := o.Attrs[key]; !ok {
		o.Attrs[key] = &model.Attr{Value: value, Known: true, Range: conv(at)}
	}
}

// node converts an attribute's expression into the syntax tree, with
// expressions as Unknown nodes.
func (r *reader) node(a *hclsyntax.Attribute) *syntax.Node {
	body := &hclsyntax.Body{Attributes: hclsyntax.Attributes{a.Name: a}, SrcRange: a.SrcRange}
	n := syntax.ParseHCLv2Body(body, r.src)
	if n == nil || len(n.Items) == 0 || n.Items[0].Val == nil {
		rng := conv(a.Expr.Range())
		return &syntax.Node{Kind: syntax.Unknown, Range: rng}
	}
	return n.Items[0].Val
}

// copyAttrs copies a body's attributes onto the object, renaming some.
func (r *reader) copyAttrs(o *model.Object, body *hclsyntax.Body, rename map[string]string) {
	for name, a := range body.Attributes {
		key := name
		if to, ok := rename[name]; ok {
			key = to
		}
		o.Attrs[key] = model.NormaliseList(key, vaultfile.AttrOf(r.node(a)))
	}
}

func (r *reader) literal(body *hclsyntax.Body, name string) (string, bool) {
	a, ok := body.Attributes[name]
	if !ok {
		return "", false
	}
	n := r.node(a)
	if n.Kind != syntax.Scalar {
		return "", false
	}
	s, ok := n.Value.(string)
	return s, ok
}

func (r *reader) nameOf(body *hclsyntax.Body, attr string) string {
	s, _ := r.literal(body, attr)
	return s
}
