package ruledoc_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vaultguard/vaultguard/lint"
	"github.com/vaultguard/vaultguard/lint/ruledoc"
	"github.com/vaultguard/vaultguard/rules"
)

//go:generate go test -run TestRulesDoc -update

var update = flag.Bool("update", false, "rewrite docs/rules.md from the catalog")

func catalog(t *testing.T) []ruledoc.Rule {
	t.Helper()
	linter, err := lint.New(context.Background(), lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out []ruledoc.Rule
	for _, r := range linter.Rules() {
		_, file, _ := linter.Rule(r.ID)
		out = append(out, ruledoc.Rule{Rule: r, File: file})
	}
	return out
}

// TestRulesDoc fails when docs/rules.md no longer matches the catalog;
// refresh it with `go generate ./lint/ruledoc`.
func TestRulesDoc(t *testing.T) {
	want, err := ruledoc.Markdown(rules.FS, catalog(t))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "..", "docs", "rules.md")
	if *update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v (generate it with `go generate ./lint/ruledoc`)", path, err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date with the rule catalog; run `go generate ./lint/ruledoc`", path)
	}
}

func TestExamples(t *testing.T) {
	bad, good, err := ruledoc.Examples(rules.FS, "policy/wildcard_path.rego", "VG-POL-001")
	if err != nil {
		t.Fatal(err)
	}
	if bad == nil || good == nil {
		t.Fatalf("bad %v good %v: want both", bad, good)
	}
	if !strings.HasSuffix(bad.File, "fail.hcl") || len(bad.Lines) == 0 || strings.Contains(bad.Text, "want:") {
		t.Errorf("bad example: %+v", bad)
	}
	if !strings.HasPrefix(filepath.Base(good.File), "pass") {
		t.Errorf("good example: %+v", good)
	}
	if b, g, err := ruledoc.Examples(rules.FS, "", "VG-PARSE-001"); b != nil || g != nil || err != nil {
		t.Errorf("built-in rule: %v %v %v", b, g, err)
	}
}

// TestEveryRuleHasExamples keeps `rules explain` useful: every Rego rule
// shows a bad and a good example.
func TestEveryRuleHasExamples(t *testing.T) {
	for _, r := range catalog(t) {
		if r.File == "" || len(r.Kinds) == 1 && r.Kinds[0] == "cluster" {
			continue // built-in, or live-only (no file format holds a cluster): see lint/source/live's tests
		}
		bad, good, err := ruledoc.Examples(rules.FS, r.File, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if bad == nil || good == nil {
			t.Errorf("%s (%s): bad %v, good %v", r.ID, r.File, bad != nil, good != nil)
		}
	}
}
