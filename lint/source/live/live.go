// Package live reads a running Vault through its HTTP API into the lint
// model, so that the rules written for files check the live cluster
// unchanged. It only reads: every request is a GET or LIST, except
// auth/token/lookup-accessor, a POST that looks a token up by accessor.
//
// Locations. A live object has no file: its Range.File is a vault:// URL
// naming the API path it was read from, and an attribute's adds the field
// as a fragment (vault://auth/approle/role/orders-worker#secret_id_num_uses).
// Line and column are 0 (SARIF writers clamp them to 1). Policies are the
// exception: their text is parsed like a file named
// vault://sys/policies/acl/NAME, so a finding about a path block carries its
// line and column inside the policy text, and Sources returns that text for
// fingerprints and inline ignores.
//
// With a namespace (VAULT_NAMESPACE) locations name it first:
// vault://team-a/sys/policies/acl/app.
package live

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/vault/api"

	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/source/vaultfile"
	"github.com/vaultguard/vaultguard/lint/syntax"
)

// Scheme prefixes every location the live reader produces.
const Scheme = "vault://"

// Origin is the Meta "origin" of live objects and the Origin of live policies.
const Origin = "vault"

// KindCluster is the one object the live reader adds for facts about the
// cluster as a whole, which only an API view can know. Attributes (each
// present only when its read was permitted): audit_devices (the number of
// enabled audit devices, located at vault://sys/audit). Blocks: root_token,
// one per token with the root policy found through its accessor (located at
// vault://auth/token/accessors/ACCESSOR; attributes accessor, display_name,
// creation_time, expire_time, ttl, path).
const KindCluster = "cluster"

// MaxAccessors bounds the token lookups of the root-token check: one
// request per accessor; a cluster with more tokens is checked on the first
// MaxAccessors and a Problem says so.
const MaxAccessors = 2000

// Problem is a path that could not be read; the rest of the cluster is
// still read and linted.
type Problem struct {
	Path   string // API path, without /v1/
	Denied bool   // 403: the token's policy does not allow it
	Err    string
}

// Location is the problem's vault:// URL.
func (p Problem) Location() string { return Scheme + p.Path }

func (p Problem) String() string {
	if p.Denied {
		return fmt.Sprintf("%s: permission denied; not checked", p.Location())
	}
	return fmt.Sprintf("%s: %s; not checked", p.Location(), p.Err)
}

// Result is what Read found.
type Result struct {
	Input *model.Input
	// Sources maps each policy's location to its text.
	Sources map[string][]byte
	// Problems lists the paths that could not be read, in request order.
	Problems []Problem
}

// Read reads the cluster c points at. It fails when nothing can be read
// at all (Vault unreachable, context cancelled, every path refused: an
// invalid token); a denied or failing path becomes a Problem and the
// other reads go on.
func Read(ctx context.Context, c *api.Client) (*Result, error) {
	r := &reader{c: c, res: &Result{Input: &model.Input{}, Sources: map[string][]byte{}}}
	r.cluster = &model.Object{Kind: KindCluster, Name: "cluster", Range: loc(""), Attrs: map[string]*model.Attr{}, Blocks: map[string][]*model.Object{}, Meta: map[string]any{"origin": Origin}}
	steps := []func(context.Context) error{r.policies, r.authMounts, r.secretMounts, r.audit, r.rootTokens, r.serverConfig}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return nil, err
		}
	}
	if r.answered == 0 {
		// An expired or revoked token is denied everything: linting
		// nothing must not pass a CI gate as a clean cluster.
		return nil, fmt.Errorf("read vault://: every read was refused (%d paths; first: %s): is the token valid, and does it hold the policy `vaultguard policy` prints?", len(r.res.Problems), r.res.Problems[0])
	}
	r.res.Input.Objects = append(r.res.Input.Objects, r.cluster)
	if ns := strings.Trim(c.Namespace(), "/"); ns != "" {
		qualify(r.res, ns)
	}
	return r.res, nil
}

// qualify puts the namespace into every location, so that findings from
// two namespaces never share a name: vault://team-a/sys/policies/acl/app,
// the path by which the root namespace reaches it.
func qualify(res *Result, ns string) {
	fix := func(s string) string {
		if rest, ok := strings.CutPrefix(s, Scheme); ok {
			return Scheme + ns + "/" + rest
		}
		return s
	}
	fixRange := func(r *model.Range) { r.File = fix(r.File) }
	fixAttrs := func(attrs map[string]*model.Attr) {
		for _, a := range attrs {
			fixRange(&a.Range)
		}
	}
	var fixObject func(o *model.Object)
	fixObject = func(o *model.Object) {
		fixRange(&o.Range)
		o.Name = fix(o.Name)
		fixAttrs(o.Attrs)
		for _, bs := range o.Blocks {
			for _, b := range bs {
				fixObject(b)
			}
		}
		for k, v := range o.Meta {
			switch x := v.(type) {
			case string:
				o.Meta[k] = fix(x)
			case []any:
				for i, e := range x {
					if s, ok := e.(string); ok {
						x[i] = fix(s)
					}
				}
			}
		}
	}
	for _, o := range res.Input.Objects {
		fixObject(o)
	}
	for _, p := range res.Input.Policies {
		fixRange(&p.Range)
		for _, pr := range p.Paths {
			fixRange(&pr.Range)
			fixAttrs(pr.Attrs)
		}
	}
	sources := make(map[string][]byte, len(res.Sources))
	for k, v := range res.Sources {
		sources[fix(k)] = v
	}
	res.Sources = sources
	for i := range res.Problems {
		res.Problems[i].Path = ns + "/" + res.Problems[i].Path
	}
}

type reader struct {
	c       *api.Client
	res     *Result
	cluster *model.Object
	// reached is set once any request got an HTTP answer; a transport
	// error before that means Vault is unreachable, which is fatal.
	reached bool
	// answered counts the reads Vault answered with data or "not found".
	answered int
}

// fatal decides whether a read error stops everything: a cancelled
// context, or no answer from Vault at all.
func (r *reader) fatal(ctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return ctxErr
	}
	var re *api.ResponseError
	if errors.As(err, &re) {
		r.reached = true
		return nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if !r.reached {
		return err
	}
	return nil
}

// problem records a failed read; it returns a non-nil error only when the
// run must stop.
func (r *reader) problem(ctx context.Context, path string, err error) error {
	if f := r.fatal(ctx, err); f != nil {
		return fmt.Errorf("read vault://%s: %w", path, f)
	}
	p := Problem{Path: path, Err: err.Error()}
	var re *api.ResponseError
	if errors.As(err, &re) {
		p.Denied = re.StatusCode == http.StatusForbidden
		p.Err = fmt.Sprintf("HTTP %d %s", re.StatusCode, strings.Join(re.Errors, "; "))
	}
	r.res.Problems = append(r.res.Problems, p)
	return nil
}

// read GETs a path; ok is false when it does not exist or was recorded as a problem.
func (r *reader) read(ctx context.Context, path string) (data map[string]any, ok bool, err error) {
	s, err := r.c.Logical().ReadWithContext(ctx, path)
	if err != nil {
		return nil, false, r.problem(ctx, path, err)
	}
	r.reached = true
	r.answered++
	if s == nil || s.Data == nil {
		return nil, false, nil
	}
	return s.Data, true, nil
}

// list LISTs a path; an empty list and a missing path are both nil.
func (r *reader) list(ctx context.Context, path string) (keys []string, ok bool, err error) {
	s, err := r.c.Logical().ListWithContext(ctx, path)
	if err != nil {
		return nil, false, r.problem(ctx, path, err)
	}
	r.reached = true
	r.answered++
	if s == nil || s.Data == nil {
		return nil, true, nil
	}
	raw, _ := s.Data["keys"].([]any)
	for _, k := range raw {
		if s, isStr := k.(string); isStr {
			keys = append(keys, s)
		}
	}
	sort.Strings(keys)
	return keys, true, nil
}

func loc(path string) model.Range { return model.Range{File: Scheme + path} }

func attrLoc(path, field string) model.Range { return model.Range{File: Scheme + path + "#" + field} }

// object builds a model object from an API response: every non-null field
// becomes an attribute located at path#field. skip lists fields left out
// (key material, legacy twins); flatten lists nested maps whose fields
// are lifted onto the object, as Terraform's per-engine blocks are.
func object(kind, name, path string, data map[string]any, meta map[string]any, skip, flatten []string) *model.Object {
	o := &model.Object{Kind: kind, Name: name, Range: loc(path), Attrs: map[string]*model.Attr{}, Blocks: map[string][]*model.Object{}, Meta: map[string]any{"origin": Origin}}
	for k, v := range meta {
		o.Meta[k] = v
	}
	var put func(key string, v any)
	put = func(key string, v any) {
		if v == nil || contains(skip, key) {
			return
		}
		if m, isMap := v.(map[string]any); isMap && contains(flatten, key) {
			for _, k := range model.SortedKeys(m) {
				put(k, m[k])
			}
			return
		}
		a := &model.Attr{Value: durationText(key, model.FromJSON(v)), Known: true, Range: attrLoc(path, key)}
		o.Attrs[key] = model.NormaliseList(key, a)
	}
	for _, k := range model.SortedKeys(data) {
		put(k, data[k])
	}
	return o
}

// durationFields are the fields Vault reads as durations and returns as
// numbers of seconds.
var durationFields = map[string]bool{
	"token_ttl": true, "token_max_ttl": true, "token_explicit_max_ttl": true, "token_period": true,
	"secret_id_ttl": true, "period": true, "explicit_max_ttl": true, "ttl": true, "creation_ttl": true,
	"default_ttl": true, "max_ttl": true, "rotation_period": true, "rotation_window": true,
	"auto_rotate_period": true, "default_lease_ttl": true, "max_lease_ttl": true,
}

// durationText writes a duration field's seconds the way people write
// Vault TTLs ("768h", "90m", "45s", "0"), so that messages read like the
// configuration; model.Seconds reads them back exactly.
func durationText(key string, v any) any {
	n, ok := v.(int64)
	if !ok || !durationFields[key] {
		return v
	}
	switch {
	case n == 0:
		return "0"
	case n%3600 == 0:
		return strconv.FormatInt(n/3600, 10) + "h"
	case n%60 == 0:
		return strconv.FormatInt(n/60, 10) + "m"
	}
	return strconv.FormatInt(n, 10) + "s"
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// policies reads every ACL policy but root (which has no text) and parses
// it as the file linter parses a policy file.
func (r *reader) policies(ctx context.Context) error {
	names, ok, err := r.list(ctx, "sys/policies/acl")
	if err != nil || !ok {
		return err
	}
	for _, name := range names {
		if name == "root" {
			continue
		}
		path := "sys/policies/acl/" + name
		data, ok, err := r.read(ctx, path)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		text, _ := data["policy"].(string)
		file := Scheme + path
		src := []byte(text)
		parsed, perr := syntax.Parse(file, src)
		if perr != nil {
			r.res.Problems = append(r.res.Problems, Problem{Path: path, Err: "parse policy: " + perr.Error()})
			continue
		}
		p, errs := vaultfile.ReadPolicy(parsed, name, src, Origin)
		if len(errs) > 0 {
			r.res.Problems = append(r.res.Problems, Problem{Path: path, Err: "read policy: " + errs[0].Error()})
			continue
		}
		r.res.Sources[file] = src
		r.res.Input.Policies = append(r.res.Input.Policies, p)
	}
	return nil
}

// mountInfo is one entry of sys/auth or sys/mounts.
type mountInfo struct {
	path string // without the trailing slash
	typ  string
	data map[string]any
}

func (r *reader) mounts(ctx context.Context, path string) ([]mountInfo, error) {
	data, ok, err := r.read(ctx, path)
	if err != nil || !ok {
		return nil, err
	}
	var out []mountInfo
	for _, k := range model.SortedKeys(data) {
		m, isMap := data[k].(map[string]any)
		if !isMap {
			continue
		}
		typ, _ := m["type"].(string)
		out = append(out, mountInfo{path: strings.TrimSuffix(k, "/"), typ: typ, data: m})
	}
	return out, nil
}

// mountObject turns a sys/auth or sys/mounts entry into a mount object.
// A tune TTL of 0 means "inherit the system's" and is left out, as an
// unset vault_mount field is; the effective values behind it are checked
// on the server config.
func mountObject(class string, m mountInfo) *model.Object {
	apiPath := "sys/mounts/" + m.path
	if class == "auth" {
		apiPath = "sys/auth/" + m.path
	}
	data := map[string]any{"type": m.typ, "path": m.path}
	for _, k := range []string{"description", "local", "seal_wrap", "external_entropy_access"} {
		if v, ok := m.data[k]; ok {
			data[k] = v
		}
	}
	cfg, _ := m.data["config"].(map[string]any)
	for _, k := range model.SortedKeys(cfg) {
		v := cfg[k]
		if n, isNum := v.(json.Number); isNum && n.String() == "0" {
			continue
		}
		data[k] = v
	}
	if opts, ok := m.data["options"].(map[string]any); ok && len(opts) > 0 {
		data["options"] = opts
	}
	return object(model.KindMount, m.path, apiPath, data, map[string]any{"class": class, "mount": m.path}, nil, nil)
}

// authRoleLists says where each auth method keeps its roles (or users),
// and which kind they become.
// Every one of these carries the token_* fields the role rules check.
var authRoleLists = map[string]struct {
	list, kind string
	skip       []string // fields that are not settings (a cert's PEM)
}{
	"approle":    {list: "role", kind: model.KindApproleRole},
	"kubernetes": {list: "role", kind: model.KindAuthRole},
	"jwt":        {list: "role", kind: model.KindAuthRole},
	"oidc":       {list: "role", kind: model.KindAuthRole},
	"userpass":   {list: "users", kind: model.KindAuthRole},
	"aws":        {list: "role", kind: model.KindAuthRole},
	"azure":      {list: "role", kind: model.KindAuthRole},
	"gcp":        {list: "role", kind: model.KindAuthRole},
	"alicloud":   {list: "role", kind: model.KindAuthRole},
	"oci":        {list: "role", kind: model.KindAuthRole},
	"cert":       {list: "certs", kind: model.KindAuthRole, skip: []string{"certificate"}},
}

func (r *reader) authMounts(ctx context.Context) error {
	mounts, err := r.mounts(ctx, "sys/auth")
	if err != nil {
		return err
	}
	for _, m := range mounts {
		r.res.Input.Objects = append(r.res.Input.Objects, mountObject("auth", m))
		if m.typ == "token" {
			if err := r.tokenRoles(ctx, m.path); err != nil {
				return err
			}
			continue
		}
		spec, known := authRoleLists[m.typ]
		if !known {
			continue
		}
		base := "auth/" + m.path + "/" + spec.list
		meta := map[string]any{"mount": m.path}
		if spec.kind == model.KindAuthRole {
			meta["method"] = m.typ
		}
		if err := r.each(ctx, base, func(name, path string, data map[string]any) {
			r.res.Input.Objects = append(r.res.Input.Objects, object(spec.kind, name, path, data, meta, spec.skip, nil))
		}); err != nil {
			return err
		}
	}
	return nil
}

// each lists base and reads base/NAME for every name.
func (r *reader) each(ctx context.Context, base string, fn func(name, path string, data map[string]any)) error {
	names, ok, err := r.list(ctx, base)
	if err != nil || !ok {
		return err
	}
	for _, name := range names {
		path := base + "/" + name
		data, ok, err := r.read(ctx, path)
		if err != nil {
			return err
		}
		if ok {
			fn(name, path, data)
		}
	}
	return nil
}

// tokenRoles reads the token store's roles. Vault returns the pre-1.2
// names (period, explicit_max_ttl) beside the token_* ones; the twins are
// left out so a rule sees each setting once.
func (r *reader) tokenRoles(ctx context.Context, mount string) error {
	return r.each(ctx, "auth/"+mount+"/roles", func(name, path string, data map[string]any) {
		var skip []string
		for legacy, current := range map[string]string{"period": "token_period", "explicit_max_ttl": "token_explicit_max_ttl"} {
			if _, ok := data[current]; ok {
				skip = append(skip, legacy)
			}
		}
		r.res.Input.Objects = append(r.res.Input.Objects, object(model.KindTokenRole, name, path, data, map[string]any{"mount": mount}, skip, nil))
	})
}

func (r *reader) secretMounts(ctx context.Context) error {
	mounts, err := r.mounts(ctx, "sys/mounts")
	if err != nil {
		return err
	}
	for _, m := range mounts {
		r.res.Input.Objects = append(r.res.Input.Objects, mountObject("secret", m))
		meta := map[string]any{"mount": m.path}
		var err error
		switch m.typ {
		case "database":
			err = r.each(ctx, m.path+"/config", func(name, path string, data map[string]any) {
				r.res.Input.Objects = append(r.res.Input.Objects, object(model.KindDatabaseConnection, name, path, data, meta, nil, []string{"connection_details"}))
			})
			if err == nil {
				err = r.each(ctx, m.path+"/roles", func(name, path string, data map[string]any) {
					r.res.Input.Objects = append(r.res.Input.Objects, object(model.KindDatabaseRole, name, path, data, meta, nil, nil))
				})
			}
		case "transit":
			err = r.each(ctx, m.path+"/keys", func(name, path string, data map[string]any) {
				// keys holds each version's creation time or public key:
				// not a setting, and large on old keys.
				r.res.Input.Objects = append(r.res.Input.Objects, object(model.KindTransitKey, name, path, data, meta, []string{"keys"}, nil))
			})
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// audit reads the audit devices and records their number on the cluster.
func (r *reader) audit(ctx context.Context) error {
	before := len(r.res.Problems)
	data, _, err := r.read(ctx, "sys/audit")
	if err != nil || len(r.res.Problems) > before {
		return err // denied: nothing is known about audit devices
	}
	n := 0
	for _, k := range model.SortedKeys(data) {
		d, isMap := data[k].(map[string]any)
		if !isMap {
			continue
		}
		n++
		path := strings.TrimSuffix(k, "/")
		obj := object(model.KindAuditDevice, path, "sys/audit/"+path, d, nil, nil, []string{"options"})
		obj.Attrs["path"] = &model.Attr{Value: path, Known: true, Range: attrLoc("sys/audit/"+path, "path")}
		r.res.Input.Objects = append(r.res.Input.Objects, obj)
	}
	r.cluster.Attrs["audit_devices"] = &model.Attr{Value: int64(n), Known: true, Range: loc("sys/audit")}
	return nil
}

// rootTokens looks up every token accessor and keeps the tokens that carry
// the root policy. It needs sudo on auth/token/accessors; without it the
// check is skipped with a Problem.
func (r *reader) rootTokens(ctx context.Context) error {
	accessors, ok, err := r.list(ctx, "auth/token/accessors")
	if err != nil || !ok {
		return err
	}
	if len(accessors) > MaxAccessors {
		r.res.Problems = append(r.res.Problems, Problem{Path: "auth/token/accessors", Err: fmt.Sprintf("%d tokens; only the first %d were looked up", len(accessors), MaxAccessors)})
		accessors = accessors[:MaxAccessors]
	}
	for _, acc := range accessors {
		s, err := r.c.Logical().WriteWithContext(ctx, "auth/token/lookup-accessor", map[string]any{"accessor": acc})
		if err != nil {
			var re *api.ResponseError
			if errors.As(err, &re) && re.StatusCode == http.StatusBadRequest {
				continue // the token expired or was revoked since the list
			}
			if perr := r.problem(ctx, "auth/token/lookup-accessor", err); perr != nil {
				return perr
			}
			if re != nil && re.StatusCode == http.StatusForbidden {
				return nil // denied once is denied for all
			}
			continue
		}
		if s == nil || s.Data == nil || !hasRoot(s.Data["policies"]) {
			continue
		}
		path := "auth/token/accessors/" + acc
		data := map[string]any{"accessor": acc}
		for _, k := range []string{"display_name", "creation_time", "expire_time", "ttl", "path", "orphan"} {
			if v, ok := s.Data[k]; ok {
				data[k] = v
			}
		}
		tok := object("root_token", acc, path, data, nil, nil, nil)
		r.cluster.Blocks["root_token"] = append(r.cluster.Blocks["root_token"], tok)
	}
	return nil
}

func hasRoot(v any) bool {
	list, _ := v.([]any)
	for _, p := range list {
		if s, ok := p.(string); ok && s == "root" {
			return true
		}
	}
	return false
}
