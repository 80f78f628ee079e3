// Package model is vaultguard's view of a Vault deployment: the objects that
// rules are written against (server_config, policy, approle_role, ...),
// independent of whether they were read from an HCL file, Terraform, a shell
// script or a live Vault. Every object and attribute keeps its source range.
package model

import (
	"sort"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/vaultguard/vaultguard/lint/syntax"
)

// Range is a source range; for objects read from a live Vault the File is a
// vault:// URL and the positions are zero.
type Range = syntax.Range

// Object kinds, in Vault's own words.
const (
	KindServerConfig = "server_config"
	KindPolicy       = "policy"
)

// Attr is one attribute value with its range. Known is false when the value
// is an expression that cannot be evaluated statically (a Terraform
// variable, a shell $VAR); rules never guess such values.
type Attr struct {
	Value any
	Known bool
	Text  string // the source text of an unknown value
	Range Range
}

// Object is a generic Vault object or nested block: a kind, labels,
// attributes and nested blocks, each with its range.
type Object struct {
	Kind   string
	Name   string
	Labels []string
	Range  Range // where findings about the object point
	Attrs  map[string]*Attr
	Blocks map[string][]*Object
	// Meta holds derived facts about the object that are not attributes
	// (the files a merged server config came from, say). Keys are emitted
	// to Rego with a leading underscore.
	Meta map[string]any
}

// Policy is an ACL policy.
type Policy struct {
	Name  string
	Range Range // the policy's first line (or its definition in Terraform/scripts)
	Paths []*PathRule
	// Origin says where the policy came from: file, terraform, script, vault.
	Origin string

	term atomic.Pointer[ast.Term] // the Rego encoding, made once (Term)
}

// PathRule is one `path "..." { ... }` block of a policy.
type PathRule struct {
	Pattern string
	Range   Range // the path's head: `path "secret/*"`
	// Capabilities is what Vault grants: deprecated `policy` mapped to
	// capabilities, and a deny that discards the rest, as vault/policy.go does.
	Capabilities []string
	// Written is the capabilities list as written, in order.
	Written []string
	Attrs   map[string]*Attr
}

// Input is everything one lint run evaluates.
type Input struct {
	Objects  []*Object
	Policies []*Policy
}

// Add appends another input's content.
func (in *Input) Add(other *Input) {
	in.Objects = append(in.Objects, other.Objects...)
	in.Policies = append(in.Policies, other.Policies...)
}

// SortedKeys returns a map's keys in order, for deterministic output.
func SortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
