// Package linttest is the fixture harness for rules: it lints fixture
// files and compares the findings with the expectations written in them
// (`# want: VG-POL-001`), failing both ways. vaultguard's own rule tests and
// `vaultguard rules test` for user rules use the same harness.
package linttest

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/vaultguard/vaultguard/report"
)

// wantRe matches an expectation in any comment style: `# want: A B`,
// `// want: A`, `<!-- want: A -->`, `/* want: A */`.
var wantRe = regexp.MustCompile(`want:\s*((?:[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+[ \t,]*)+)`)

// Want is one expected finding: a rule at a line of a file.
type Want struct {
	File string // slash path, as findings report it
	Line int
	Rule string
}

func (w Want) String() string { return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Rule) }

// ReadWants collects the expectations of one file: comments on the
// expected line, or for formats without comments (JSON) a sidecar
// `<file>.want` with lines `LINE: ID [ID...]`.
func ReadWants(osPath, display string) ([]Want, error) {
	var wants []Want
	src, err := os.ReadFile(osPath)
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		for _, m := range wantRe.FindAllStringSubmatch(sc.Text(), -1) {
			for _, id := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ' ' || r == '\t' || r == ',' }) {
				wants = append(wants, Want{File: display, Line: line, Rule: id})
			}
		}
	}
	side, err := os.ReadFile(osPath + ".want")
	if err == nil {
		for i, l := range strings.Split(string(side), "\n") {
			l = strings.TrimSpace(l)
			if l == "" || strings.HasPrefix(l, "#") {
				continue
			}
			num, ids, ok := strings.Cut(l, ":")
			n, err := strconv.Atoi(strings.TrimSpace(num))
			if !ok || err != nil {
				return nil, fmt.Errorf("%s.want:%d: want `LINE: RULE-ID ...`", osPath, i+1)
			}
			for _, id := range strings.Fields(strings.ReplaceAll(ids, ",", " ")) {
				wants = append(wants, Want{File: display, Line: n, Rule: id})
			}
		}
	}
	return wants, nil
}

// Mismatch lists what a fixture case got wrong.
type Mismatch struct {
	Unexpected []report.Finding
	Missing    []Want
}

// OK reports whether findings and expectations matched exactly.
func (m Mismatch) OK() bool { return len(m.Unexpected) == 0 && len(m.Missing) == 0 }

func (m Mismatch) String() string {
	var b strings.Builder
	for _, f := range m.Unexpected {
		fmt.Fprintf(&b, "unexpected %s:%d:%d: %s %s: %s\n", f.File, f.Range.Start.Line, f.Range.Start.Column, f.RuleID, f.Severity, f.Message)
	}
	for _, w := range m.Missing {
		fmt.Fprintf(&b, "missing    %s (no such finding)\n", w)
	}
	return b.String()
}

// Compare matches findings against wants by file, start line and rule.
func Compare(findings []report.Finding, wants []Want) Mismatch {
	remaining := map[Want]int{}
	for _, w := range wants {
		remaining[w]++
	}
	var m Mismatch
	for _, f := range findings {
		k := Want{File: f.File, Line: f.Range.Start.Line, Rule: f.RuleID}
		if remaining[k] > 0 {
			remaining[k]--
			continue
		}
		// Several findings of one rule on one line need one want.
		if _, seen := remaining[k]; seen {
			continue
		}
		m.Unexpected = append(m.Unexpected, f)
	}
	for _, w := range wants {
		if remaining[w] > 0 {
			m.Missing = append(m.Missing, w)
			remaining[w] = 0
		}
	}
	sort.Slice(m.Missing, func(i, j int) bool { return m.Missing[i].String() < m.Missing[j].String() })
	return m
}

// Case is one fixture: a file or a directory linted as a unit. Cases whose
// name starts with "pass" must produce no finding at all.
type Case struct {
	Name   string // e.g. policy/wildcard_path/fail.hcl
	OSPath string
	Pass   bool
}

// Cases lists the fixture cases under root/<category>/testdata/<slug>/.
// The map is keyed by "<category>/<slug>".
func Cases(root string) (map[string][]Case, error) {
	out := map[string][]Case{}
	slugDirs, err := filepath.Glob(filepath.Join(root, "*", "testdata", "*"))
	if err != nil {
		return nil, err
	}
	for _, dir := range slugDirs {
		info, err := os.Stat(dir)
		if err != nil || !info.IsDir() {
			continue
		}
		category := filepath.Base(filepath.Dir(filepath.Dir(dir)))
		key := category + "/" + filepath.Base(dir)
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".want") || strings.HasPrefix(e.Name(), ".") {
				continue
			}
			out[key] = append(out[key], Case{Name: key + "/" + e.Name(), OSPath: filepath.Join(dir, e.Name()), Pass: strings.HasPrefix(e.Name(), "pass")})
		}
	}
	return out, nil
}

// WantsUnder reads the expectations of every file of a case; display
// names are computed by rel (the same function the lint run reports with).
func WantsUnder(c Case, rel func(string) string) ([]Want, error) {
	var wants []Want
	err := filepath.WalkDir(c.OSPath, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".want") {
			return err
		}
		w, err := ReadWants(p, rel(p))
		wants = append(wants, w...)
		return err
	})
	return wants, err
}

func mustWd() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	return wd
}
