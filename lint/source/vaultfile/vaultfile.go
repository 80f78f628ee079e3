// Package vaultfile reads Vault's own file formats, server configs and ACL
// policies (HCL or JSON), into the model, judging them as Vault would.
package vaultfile

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	hcl1parser "github.com/hashicorp/hcl/hcl/parser"

	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/syntax"
)

// Kind is what a file holds.
type Kind string

// File kinds.
const (
	KindNone         Kind = ""
	KindPolicy       Kind = "policy"
	KindServerConfig Kind = "server-config"
)

// serverKeys mark a Vault server config.
var serverKeys = []string{"storage", "backend", "ha_storage", "ha_backend", "seal", "listener"}

// foreignKeys mark HCL files that have a listener but are not Vault server
// configs: Vault Agent / Proxy (auto_auth, template, cache, api_proxy, vault)
// and Boundary (controller, worker, kms).
var foreignKeys = []string{"auto_auth", "template", "cache", "api_proxy", "vault", "exit_after_auth", "controller", "worker", "kms", "template_config"}

// Classify says what a parsed file holds, by content: top-level `path`
// blocks make a policy; storage, listener or seal make a server config. The
// reason explains a KindNone.
func Classify(root *syntax.Node) (kind Kind, reason string) {
	if root == nil || root.Kind != syntax.Object {
		return KindNone, "not an object"
	}
	has := map[string]bool{}
	for _, it := range root.Items {
		has[it.Name()] = true
	}
	for _, k := range foreignKeys {
		if has[k] {
			return KindNone, fmt.Sprintf("has top-level %q: a Vault Agent, Proxy or Boundary config, not a Vault server config", k)
		}
	}
	for _, k := range serverKeys {
		if has[k] {
			return KindServerConfig, ""
		}
	}
	if has["path"] {
		return KindPolicy, ""
	}
	return KindNone, "no top-level path, storage, listener or seal"
}

// ParseKind turns a --kind flag value into a Kind.
func ParseKind(s string) (Kind, error) {
	switch s {
	case "":
		return KindNone, nil
	case "policy", "acl-policy":
		return KindPolicy, nil
	case "server-config", "server_config", "config":
		return KindServerConfig, nil
	}
	return KindNone, fmt.Errorf("unknown kind %q (want policy or server-config)", s)
}

// PolicyName derives a policy's name from its file name, as `vault policy
// write NAME FILE` is usually called: payments-api.hcl -> payments-api.
func PolicyName(file string) string {
	base := path.Base(file)
	if i := strings.IndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	return base
}

var validCapabilities = []string{"deny", "create", "read", "update", "delete", "list", "sudo", "patch", "subscribe", "recover"}

var validPathKeys = []string{"comment", "policy", "capabilities", "allowed_parameters", "denied_parameters", "required_parameters", "min_wrapping_ttl", "max_wrapping_ttl", "mfa_methods", "control_group", "subscribe_event_types"}

// ReadPolicy builds a policy from a parsed file. src is the file's text,
// used to check duplicate attributes, which Vault 1.21 rejects in policies.
// Problems Vault would reject the policy for are returned as errors.
func ReadPolicy(f *syntax.File, name string, src []byte, origin string) (*model.Policy, []*syntax.Error) {
	var errs []*syntax.Error
	fail := func(r syntax.Range, format string, args ...any) {
		errs = append(errs, &syntax.Error{Range: r, Message: fmt.Sprintf(format, args...)})
	}
	// hcl/v2 already rejects duplicate attributes; a file read with the
	// HCL1 fallback is checked the way Vault 1.21 checks policies.
	if f.Syntax == syntax.SyntaxHCL1 && src != nil {
		if _, err := hcl1parser.Parse(src); err != nil && strings.Contains(err.Error(), "already set") {
			// HCL1 names the position in src; for embedded policies src
			// starts where the tree's root does in the host file.
			r := syntax.ShiftRange(duplicateRange(f.Name, err.Error()), f.Root.Range.Start)
			fail(r, "%s (Vault 1.21 rejects duplicate attributes in policies)", strings.TrimSpace(err.Error()))
		}
	}
	p := &model.Policy{Name: name, Origin: origin, Range: syntax.Range{File: f.Name, Start: syntax.Pos{Line: 1, Column: 1}, End: syntax.Pos{Line: 1, Column: 1}}}
	for _, it := range f.Root.Items {
		switch it.Name() {
		case "path":
		case "name":
			if s, ok := it.Val.Value.(string); ok && it.Val.Kind == syntax.Scalar {
				p.Name = s
			}
		default:
			fail(it.Keys[0].Range, "unknown top-level key %q in a policy: Vault accepts only \"path\" and \"name\"", it.Name())
		}
	}
	blocks, bad := syntax.Blocks(f.Root, "path", 1)
	for _, it := range bad {
		fail(it.Range, "a path must be written as path \"PATTERN\" { capabilities = [...] }")
	}
	for _, b := range blocks {
		pr, perrs := readPath(b)
		errs = append(errs, perrs...)
		if pr != nil {
			p.Paths = append(p.Paths, pr)
		}
	}
	if len(p.Paths) > 0 {
		p.Range = p.Paths[0].Range
	}
	return p, errs
}

var atPos = regexp.MustCompile(`at (\d+):(\d+)`)

// duplicateRange finds the position HCL1 names in its duplicate-attribute
// message ("The argument "policy" at 3:3 was already set").
func duplicateRange(name, msg string) syntax.Range {
	p := syntax.Pos{Line: 1, Column: 1}
	if m := atPos.FindStringSubmatch(msg); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
		p.Column, _ = strconv.Atoi(m[2])
	}
	return syntax.Range{File: name, Start: p, End: p}
}

func readPath(b *syntax.Block) (*model.PathRule, []*syntax.Error) {
	var errs []*syntax.Error
	pattern := b.Labels[0].Name
	pr := &model.PathRule{Pattern: strings.TrimPrefix(pattern, "/"), Range: b.Head, Attrs: map[string]*model.Attr{}}
	if strings.Contains(pr.Pattern, "+*") {
		errs = append(errs, &syntax.Error{Range: b.Head, Message: fmt.Sprintf("path %q: invalid use of wildcards ('+*' is forbidden)", pattern)})
	}
	for _, it := range b.Body.Items {
		key := it.Name()
		if !slices.Contains(validPathKeys, key) {
			errs = append(errs, &syntax.Error{Range: it.Keys[0].Range, Message: fmt.Sprintf("path %q: invalid key %q", pattern, key)})
			continue
		}
		pr.Attrs[key] = AttrOf(it.Val)
	}
	var caps []string
	if a := pr.Attrs["capabilities"]; a != nil {
		list, ok := model.Strings(a.Value)
		if !ok || !a.Known {
			errs = append(errs, &syntax.Error{Range: a.Range, Message: fmt.Sprintf("path %q: capabilities must be a list of strings", pattern)})
		}
		pr.Written = list
		caps = append(caps, list...)
	}
	if a := pr.Attrs["policy"]; a != nil {
		old, _ := a.Value.(string)
		switch old {
		case "deny":
			caps = []string{"deny"}
		case "read":
			caps = append(caps, "read", "list")
		case "write":
			caps = append(caps, "create", "read", "update", "delete", "list")
		case "sudo":
			caps = append(caps, "create", "read", "update", "delete", "list", "sudo")
		default:
			errs = append(errs, &syntax.Error{Range: a.Range, Message: fmt.Sprintf("path %q: invalid policy %q (want deny, read, write or sudo)", pattern, old)})
		}
	}
	for _, c := range caps {
		if c == "deny" {
			caps = []string{"deny"}
			break
		}
		if !slices.Contains(validCapabilities, c) {
			r := b.Head
			if a := pr.Attrs["capabilities"]; a != nil {
				r = a.Range
			}
			errs = append(errs, &syntax.Error{Range: r, Message: fmt.Sprintf("path %q: invalid capability %q (valid: %s)", pattern, c, strings.Join(validCapabilities, ", "))})
		}
	}
	pr.Capabilities = dedup(caps)
	return pr, errs
}

func dedup(in []string) []string {
	out := make([]string, 0, len(in))
	for _, s := range in {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// AttrOf turns a syntax node into a model attribute.
func AttrOf(n *syntax.Node) *model.Attr {
	if n.Kind == syntax.Unknown {
		return &model.Attr{Known: false, Text: n.Text, Range: n.Range}
	}
	return &model.Attr{Value: syntax.Plain(n), Known: true, Range: n.Range}
}
