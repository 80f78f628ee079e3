package model

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/vaultguard/vaultguard/lint/syntax"
)

func rng(line, col int) Range {
	return Range{File: "a.hcl", Start: syntax.Pos{Line: line, Column: col}, End: syntax.Pos{Line: line, Column: col + 4}}
}

// TestValueEncodesTheDocumentRulesSee pins the input contract: the shape
// every rule (and every user rule) is written against.
func TestValueEncodesTheDocumentRulesSee(t *testing.T) {
	in := &Input{
		Objects: []*Object{{
			Kind: "approle_role", Name: "web", Labels: []string{"approle"}, Range: rng(1, 1),
			Attrs: map[string]*Attr{
				"token_ttl":     {Value: "1h", Known: true, Range: rng(2, 3)},
				"bind_secret":   {Value: true, Known: true, Range: rng(3, 3)},
				"big":           {Value: int64(1 << 40), Known: true, Range: rng(4, 3)},
				"ratio":         {Value: 0.5, Known: true, Range: rng(5, 3)},
				"token_max_ttl": {Known: false, Text: "var.ttl", Range: rng(6, 3)},
				"cidrs":         {Value: []any{"10.0.0.0/8", int64(7)}, Known: true, Range: rng(7, 3)},
			},
			Blocks: map[string][]*Object{"listener": {{Kind: "listener", Labels: []string{"tcp"}, Range: rng(8, 1), Attrs: map[string]*Attr{}}}},
			Meta:   map[string]any{"mount": "approle"},
		}},
		Policies: []*Policy{{
			Name: "p", Origin: "file", Range: rng(1, 1),
			Paths: []*PathRule{{
				Pattern: "secret/*", Range: rng(2, 1),
				Capabilities: []string{"deny"}, Written: []string{"read", "deny"},
				Attrs: map[string]*Attr{"capabilities": {Value: []string{"read", "deny"}, Known: true, Range: rng(3, 3)}},
			}},
		}},
	}
	loc := func(line, col int) string {
		return `{"file": "a.hcl", "line": ` + itoa(line) + `, "column": ` + itoa(col) + `, "end_line": ` + itoa(line) + `, "end_column": ` + itoa(col+4) + `}`
	}
	want := ast.MustParseTerm(`{
		"approle_role": [{
			"_kind": "approle_role", "_name": "web", "_labels": ["approle"], "_type": "approle", "_loc": ` + loc(1, 1) + `,
			"_mount": "approle",
			"token_ttl": {"known": true, "value": "1h", "seconds": 3600, "_loc": ` + loc(2, 3) + `},
			"bind_secret": {"known": true, "value": true, "bool": true, "_loc": ` + loc(3, 3) + `},
			"big": {"known": true, "value": 1099511627776, "bool": true, "seconds": 1099511627776, "_loc": ` + loc(4, 3) + `},
			"ratio": {"known": true, "value": 0.5, "bool": true, "seconds": 0, "_loc": ` + loc(5, 3) + `},
			"token_max_ttl": {"known": false, "value": null, "text": "var.ttl", "_loc": ` + loc(6, 3) + `},
			"cidrs": {"known": true, "value": ["10.0.0.0/8", 7], "_loc": ` + loc(7, 3) + `},
			"listener": [{"_kind": "listener", "_labels": ["tcp"], "_type": "tcp", "_loc": ` + loc(8, 1) + `}]
		}],
		"policy": [{
			"_kind": "policy", "name": "p", "origin": "file", "_loc": ` + loc(1, 1) + `,
			"paths": [{
				"path": "secret/*", "glob": true, "_loc": ` + loc(2, 1) + `,
				"capabilities": ["deny"], "written": ["read", "deny"],
				"capabilities_attr": {"known": true, "value": ["read", "deny"], "_loc": ` + loc(3, 3) + `}
			}]
		}]
	}`)
	got := in.Value()
	if got.Compare(want.Value) != 0 {
		t.Fatalf("encoding changed:\n got %v\nwant %v", got, want.Value)
	}
}

// TestPolicyTermIsSharedSafely: parallel evaluations encode the policies
// they share (default policies) concurrently; all get one term.
func TestPolicyTermIsSharedSafely(t *testing.T) {
	p := &Policy{Name: "default", Range: rng(1, 1), Paths: []*PathRule{{Pattern: "sys/tools/hash/*", Range: rng(2, 1), Capabilities: []string{"update"}}}}
	terms := make([]*ast.Term, 8)
	var wg sync.WaitGroup
	for i := range terms {
		wg.Add(1)
		go func() { defer wg.Done(); terms[i] = p.Term() }()
	}
	wg.Wait()
	for _, x := range terms {
		if x != terms[0] {
			t.Fatal("a policy was encoded into two different terms")
		}
	}
}

func itoa(n int) string { return ast.IntNumberTerm(n).String() }

func TestFromJSON(t *testing.T) {
	got := FromJSON(map[string]any{"n": json.Number("9007199254740993"), "f": json.Number("0.5"), "l": []any{json.Number("3"), "x"}})
	m := got.(map[string]any)
	if m["n"] != int64(9007199254740993) || m["f"] != 0.5 || m["l"].([]any)[0] != int64(3) || m["l"].([]any)[1] != "x" {
		t.Fatalf("FromJSON = %#v", got)
	}
}
