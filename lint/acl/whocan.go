package acl

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/vaultguard/vaultguard/lint/model"
)

// policyAttrs are the attributes through which an object attaches
// policies to the tokens it issues: token_policies on auth method roles
// and users (approle, userpass, jwt, kubernetes...), policies on identity
// groups, entities, tokens and legacy role fields, allowed_policies on
// token roles (what a token created through the role gets by default).
var policyAttrs = []string{"token_policies", "policies", "allowed_policies"}

// Holder is a model object that attaches policies to tokens: an AppRole
// role, a userpass user, a token role, an identity group...
type Holder struct {
	Kind     string
	Name     string
	Range    model.Range
	Policies []string
	// NoDefault is token_no_default_policy: the default policy is not
	// attached.
	NoDefault bool
}

// Holders reads every object of the input that attaches policies, by
// attribute name, whatever its kind, so new source adapters need no change
// here. Objects whose policy list is not statically known are skipped.
func Holders(in *model.Input) []Holder {
	var out []Holder
	for _, o := range in.Objects {
		h := Holder{Kind: o.Kind, Name: o.Name, Range: o.Range}
		found := false
		for _, attr := range policyAttrs {
			a := o.Attrs[attr]
			if a == nil || !a.Known {
				continue
			}
			list, ok := model.Strings(a.Value)
			if !ok {
				continue
			}
			found = true
			for _, p := range list {
				p = strings.TrimSpace(p)
				if p != "" && !slices.Contains(h.Policies, p) {
					h.Policies = append(h.Policies, p)
				}
			}
		}
		if !found {
			continue
		}
		if a := o.Attrs["token_no_default_policy"]; a != nil && a.Known {
			h.NoDefault, _ = model.Bool(a.Value)
		}
		if h.Name == "" && len(o.Labels) > 0 {
			h.Name = o.Labels[len(o.Labels)-1]
		}
		out = append(out, h)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// KVv2Mounts lists the KV version 2 mounts the input declares: objects of
// kind "mount" whose type is kv-v2, or kv with options.version 2.
func KVv2Mounts(in *model.Input) []string {
	var out []string
	for _, o := range in.Objects {
		if o.Kind != "mount" {
			continue
		}
		path := o.Name
		if a := o.Attrs["path"]; a != nil && a.Known {
			if s, ok := a.Value.(string); ok {
				path = s
			}
		}
		typ := ""
		if a := o.Attrs["type"]; a != nil && a.Known {
			typ, _ = a.Value.(string)
		}
		version := ""
		if a := o.Attrs["options"]; a != nil && a.Known {
			if m, ok := a.Value.(map[string]any); ok {
				version = fmt.Sprint(m["version"])
			}
		}
		if a := o.Attrs["version"]; a != nil && a.Known {
			version = fmt.Sprint(a.Value)
		}
		if path != "" && (typ == "kv-v2" || (typ == "kv" && version == "2")) {
			out = append(out, strings.Trim(path, "/")+"/")
		}
	}
	return out
}

// WhoCanOptions tune a who-can query.
type WhoCanOptions struct {
	// KVv2Mounts are mounts (e.g. "secret/") whose logical paths are
	// rewritten to their data/ or metadata/ API paths; mounts the input
	// declares are added.
	KVv2Mounts []string
	Templates  map[string]string
}

// HolderGrant is a holder of a granting policy and whether the holder's
// whole policy set (default policy included) still allows the request.
type HolderGrant struct {
	Holder
	Effective bool
	// Reason explains an ineffective grant: another policy of the same
	// holder decides the path.
	Reason string
	// Missing are policies the holder names that no source defines.
	Missing []string
}

// Grant is one policy that, on its own, allows the request.
type Grant struct {
	Policy   *model.Policy
	Decision Decision
	Holders  []HolderGrant
	// Everyone is true for the default policy, attached to every token
	// unless token_no_default_policy is set.
	Everyone bool
}

// WhoCanResult answers a who-can query.
type WhoCanResult struct {
	// Path is the API path asked about, after KV v2 rewriting.
	Path      string
	Operation string
	Grants    []Grant
	// InferredKVv2 is the mount treated as KV v2 because policies address
	// it through data/ or metadata/ and no source or flag said otherwise.
	InferredKVv2 string
	// Templated are blocks with identity templating whose pattern matches
	// the path for some identity and grant the operation's capability:
	// whether they apply depends on the token's entity or groups.
	Templated []Block
}

// inferKVv2Mount guesses that the path's first segment is a KV v2 mount
// when some policy addresses it through data/ or metadata/ and the path
// itself does not.
func inferKVv2Mount(in *model.Input, path string) string {
	mount, rest, ok := strings.Cut(path, "/")
	if !ok || mount == "" {
		return ""
	}
	first, _, _ := strings.Cut(rest, "/")
	if slices.Contains(kvAPI, first) {
		return ""
	}
	for _, p := range in.Policies {
		for _, r := range p.Paths {
			pat := strings.TrimPrefix(r.Pattern, "/")
			if strings.HasPrefix(pat, mount+"/data/") || strings.HasPrefix(pat, mount+"/metadata/") {
				return mount + "/"
			}
		}
	}
	return ""
}

// WhoCan finds the policies of the input that allow op on path, and the
// holders of each. Vault's built-in default policy is used when no
// source defines one.
func WhoCan(in *model.Input, path, op string, opts WhoCanOptions) (*WhoCanResult, error) {
	op = strings.ToLower(op)
	if _, ok := Operations[op]; !ok {
		return nil, fmt.Errorf("unknown operation %q (want one of %s)", op, strings.Join(operationNames(), ", "))
	}
	path = strings.TrimPrefix(path, "/")
	res := &WhoCanResult{Operation: op}
	mounts := append(slices.Clone(opts.KVv2Mounts), KVv2Mounts(in)...)
	if len(mounts) == 0 {
		if m := inferKVv2Mount(in, path); m != "" {
			mounts = []string{m}
			res.InferredKVv2 = m
		}
	}
	for _, m := range mounts {
		if p := KVv2Path(m, path, op); p != path {
			path = p
			break
		}
	}
	res.Path = path
	byName := map[string][]*model.Policy{}
	var policies []*model.Policy
	for _, p := range in.Policies {
		byName[p.Name] = append(byName[p.Name], p)
		policies = append(policies, p)
	}
	if _, ok := byName["default"]; !ok {
		d := DefaultPolicy()
		byName["default"] = []*model.Policy{d}
		policies = append(policies, d)
	}
	holders := Holders(in)
	for _, h := range holders {
		if slices.Contains(h.Policies, "root") {
			if _, ok := byName["root"]; !ok {
				r := RootPolicy()
				byName["root"] = []*model.Policy{r}
				policies = append(policies, r)
			}
		}
	}
	for _, p := range policies {
		d := New([]*model.Policy{p}, Options{Templates: opts.Templates}).Decide(path, op)
		if !d.Allowed {
			continue
		}
		g := Grant{Policy: p, Decision: d, Everyone: p.Name == "default"}
		for _, h := range holders {
			if !slices.Contains(h.Policies, p.Name) && (p.Name != "default" || h.NoDefault) {
				continue
			}
			hg := HolderGrant{Holder: h}
			var set []*model.Policy
			names := slices.Clone(h.Policies)
			if !h.NoDefault && !slices.Contains(names, "default") {
				names = append(names, "default")
			}
			for _, n := range names {
				if ps, ok := byName[n]; ok {
					set = append(set, ps...)
				} else {
					hg.Missing = append(hg.Missing, n)
				}
			}
			hd := New(set, Options{Templates: opts.Templates}).Decide(path, op)
			hg.Effective = hd.Allowed
			if !hd.Allowed {
				hg.Reason = hd.Reason
				if len(hd.Deciding) > 0 && hd.Deciding[0].Rule != nil {
					hg.Reason += " (" + hd.Deciding[0].String() + ")"
				}
			}
			g.Holders = append(g.Holders, hg)
		}
		res.Grants = append(res.Grants, g)
	}
	sort.SliceStable(res.Grants, func(i, j int) bool { return res.Grants[i].Policy.Name < res.Grants[j].Policy.Name })
	capName := Operations[op]
	for _, p := range policies {
		for _, r := range p.Paths {
			generic, ok := templateAsWildcard(strings.TrimPrefix(r.Pattern, "/"))
			if !ok || !Matches(generic, path) {
				continue
			}
			if slices.Contains(r.Capabilities, capName) && !slices.Contains(r.Capabilities, Deny) {
				res.Templated = append(res.Templated, Block{Policy: p, Rule: r})
			}
		}
	}
	return res, nil
}

// templateAsWildcard turns a templated pattern into one that matches
// every identity: a placeholder filling a whole segment becomes "+".
// ok is false for patterns without templating, or with a placeholder
// inside a segment (which cannot be matched generically).
func templateAsWildcard(pattern string) (string, bool) {
	if !strings.Contains(pattern, "{{") {
		return "", false
	}
	segs := strings.Split(pattern, "/")
	for i, s := range segs {
		if !strings.Contains(s, "{{") {
			continue
		}
		t := strings.TrimSuffix(s, "*")
		if !strings.HasPrefix(t, "{{") || !strings.HasSuffix(t, "}}") || strings.Count(t, "{{") != 1 {
			return "", false
		}
		segs[i] = "+"
		if t != s {
			return "", false // "{{...}}*" would make "+*", which Vault rejects
		}
	}
	return strings.Join(segs, "/"), true
}

func operationNames() []string {
	names := make([]string, 0, len(Operations))
	for k := range Operations {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}
