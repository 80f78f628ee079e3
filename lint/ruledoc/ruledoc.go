// Package ruledoc documents the rule catalog from the rules themselves:
// their METADATA and their fixtures. It finds a bad and a good example for
// a rule (`vaultguard rules explain`) and renders docs/rules.md.
package ruledoc

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/vaultguard/vaultguard/report"
)

// Example is a fixture file shown to illustrate a rule.
type Example struct {
	// File is the fixture's path inside the rule tree, e.g.
	// policy/testdata/wildcard_path/fail.hcl.
	File string
	// Text is the fixture's content (or an excerpt of it) with the test
	// harness's `want:` annotations removed.
	Text string
	// Lines are the 1-based lines of Text the rule reports (bad examples
	// only).
	Lines []int
	// Syntax names the fence language: hcl, json, sh, ...
	Syntax string
}

// maxLines bounds an example; longer fixtures are cut around the first
// reported line.
const maxLines = 40

var wantAnnotation = regexp.MustCompile(`\s*(#|//|<!--|/\*)\s*want:\s*[A-Z][A-Z0-9]*(-[A-Z0-9]+)+([ \t,]+[A-Z][A-Z0-9]*(-[A-Z0-9]+)+)*\s*(-->|\*/)?`)

var wantIDs = regexp.MustCompile(`want:\s*((?:[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+[ \t,]*)+)`)

// Examples finds a bad and a good example of the rule with id whose
// source is ruleFile (as engine.Rule.File names it, e.g.
// "policy/wildcard_path.rego") in fsys (rules.FS): the first fail fixture
// that expects the rule, and the first pass fixture. Either is nil when the
// rule has none (built-in rules, custom rules without fixtures).
func Examples(fsys fs.FS, ruleFile, id string) (bad, good *Example, err error) {
	if ruleFile == "" {
		return nil, nil, nil
	}
	dir := path.Join(path.Dir(ruleFile), "testdata", strings.TrimSuffix(path.Base(ruleFile), ".rego"))
	var files []string
	err = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !strings.HasSuffix(p, ".want") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, nil
		}
		return nil, nil, fmt.Errorf("examples for %s: %w", id, err)
	}
	sort.Slice(files, func(i, j int) bool {
		return rank(files[i]) < rank(files[j]) || (rank(files[i]) == rank(files[j]) && files[i] < files[j])
	})
	for _, f := range files {
		rel := strings.TrimPrefix(strings.TrimPrefix(f, dir), "/")
		caseName := strings.SplitN(rel, "/", 2)[0]
		src, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, nil, fmt.Errorf("examples for %s: %w", id, err)
		}
		if strings.HasPrefix(caseName, "pass") {
			if good == nil {
				good = excerpt(f, src, nil)
			}
			continue
		}
		if bad == nil {
			lines := reportedLines(fsys, f, src, id)
			if len(lines) > 0 {
				bad = excerpt(f, src, lines)
			}
		}
	}
	return bad, good, nil
}

// rank prefers HCL fixtures, then JSON, then anything else.
func rank(p string) int {
	switch path.Ext(p) {
	case ".hcl":
		return 0
	case ".json":
		return 1
	}
	return 2
}

// reportedLines are the lines of a fixture that expect id, from `want:`
// comments or a .want sidecar.
func reportedLines(fsys fs.FS, file string, src []byte, id string) []int {
	var lines []int
	for i, l := range strings.Split(string(src), "\n") {
		for _, m := range wantIDs.FindAllStringSubmatch(l, -1) {
			for _, got := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ' ' || r == '\t' || r == ',' }) {
				if got == id {
					lines = append(lines, i+1)
				}
			}
		}
	}
	if side, err := fs.ReadFile(fsys, file+".want"); err == nil {
		for _, l := range strings.Split(string(side), "\n") {
			num, ids, ok := strings.Cut(l, ":")
			if !ok {
				continue
			}
			var n int
			if _, err := fmt.Sscanf(strings.TrimSpace(num), "%d", &n); err != nil {
				continue
			}
			for _, got := range strings.Fields(strings.ReplaceAll(ids, ",", " ")) {
				if got == id {
					lines = append(lines, n)
				}
			}
		}
	}
	return lines
}

func excerpt(file string, src []byte, lines []int) *Example {
	all := strings.Split(strings.TrimRight(string(src), "\n"), "\n")
	for i, l := range all {
		all[i] = wantAnnotation.ReplaceAllString(l, "")
	}
	from, to := 0, len(all)
	if len(all) > maxLines {
		focus := 0
		if len(lines) > 0 {
			focus = lines[0] - 1
		}
		from = max(0, focus-maxLines/2)
		to = min(len(all), from+maxLines)
	}
	ex := &Example{File: file, Text: strings.Join(all[from:to], "\n") + "\n", Syntax: syntaxOf(file)}
	for _, l := range lines {
		if l-1 >= from && l-1 < to {
			ex.Lines = append(ex.Lines, l-from)
		}
	}
	return ex
}

func syntaxOf(file string) string {
	switch ext := strings.TrimPrefix(path.Ext(file), "."); ext {
	case "hcl", "json", "tf", "yaml", "yml":
		if ext == "tf" {
			return "hcl"
		}
		return ext
	case "sh", "bash":
		return "sh"
	}
	if strings.HasPrefix(path.Base(file), "Dockerfile") {
		return "dockerfile"
	}
	return ""
}

// Rule is a catalog entry with the file it is defined in.
type Rule struct {
	report.Rule
	File string // relative to the rule tree; "" for built-in rules
}

// Markdown renders the catalog as docs/rules.md: an index, then one section
// per rule with its description, remediation, reference and examples
// taken from its fixtures.
func Markdown(fsys fs.FS, catalog []Rule) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("# vaultguard rules\n\n")
	b.WriteString("<!-- Generated from the rules' METADATA and fixtures by lint/ruledoc; do not edit.\n")
	b.WriteString("     Refresh with: go generate ./lint/ruledoc (or go test ./lint/ruledoc -run TestRulesDoc -update). -->\n\n")
	fmt.Fprintf(&b, "%d rules. Severity is the default; some rules grade individual findings (shown in the finding).\n\n", len(catalog))
	b.WriteString("| ID | Severity | Applies to | Title |\n|---|---|---|---|\n")
	for _, r := range catalog {
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s |\n", r.ID, anchor(r.ID), r.Severity, strings.Join(r.Kinds, ", "), escapeCell(r.Title))
	}
	for _, r := range catalog {
		fmt.Fprintf(&b, "\n## %s\n\n", r.ID)
		fmt.Fprintf(&b, "**%s**\n\n", r.Title)
		fmt.Fprintf(&b, "Severity: %s · Applies to: %s", r.Severity, strings.Join(r.Kinds, ", "))
		if r.File != "" {
			fmt.Fprintf(&b, " · Source: `rules/%s`", r.File)
		}
		b.WriteString("\n\n")
		if r.Description != "" {
			b.WriteString(strings.TrimSpace(r.Description) + "\n\n")
		}
		if r.Remediation != "" {
			fmt.Fprintf(&b, "**How to fix:** %s\n\n", r.Remediation)
		}
		if r.HelpURI != "" {
			fmt.Fprintf(&b, "**Vault documentation:** <%s>\n\n", r.HelpURI)
		}
		bad, good, err := Examples(fsys, r.File, r.ID)
		if err != nil {
			return nil, err
		}
		if bad != nil {
			fmt.Fprintf(&b, "Reported (`rules/%s`, line %s):\n\n", bad.File, joinInts(bad.Lines))
			fence(&b, bad)
		}
		if good != nil {
			fmt.Fprintf(&b, "Not reported (`rules/%s`):\n\n", good.File)
			fence(&b, good)
		}
	}
	return b.Bytes(), nil
}

func fence(b *bytes.Buffer, ex *Example) {
	fmt.Fprintf(b, "```%s\n%s```\n\n", ex.Syntax, ex.Text)
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, ", ")
}

func anchor(id string) string { return strings.ToLower(id) }

func escapeCell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }
