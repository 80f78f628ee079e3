// Package report holds lint findings and the formatters that write them.
// It is a leaf: it imports nothing else from vaultguard, so every other
// package can use it.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Severity ranks a finding. The zero value is SeverityInfo.
type Severity int

// Severities, lowest first.
const (
	SeverityInfo Severity = iota
	SeverityLow
	SeverityMedium
	SeverityHigh
	SeverityCritical
	// SeverityNone is above every severity: `--fail-on none` never fails.
	SeverityNone
)

var severityNames = []string{"info", "low", "medium", "high", "critical", "none"}

func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return "unknown"
	}
	return severityNames[s]
}

// ParseSeverity reads a severity name (case-insensitive).
func ParseSeverity(name string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(strings.TrimSpace(name), n) {
			return Severity(i), nil
		}
	}
	return SeverityInfo, fmt.Errorf("unknown severity %q (want critical, high, medium, low, info or none)", name)
}

// SecurityScore is the CVSS-like number GitHub code scanning ranks SARIF
// results by (properties.security-severity).
func (s Severity) SecurityScore() string {
	switch s {
	case SeverityCritical:
		return "9.5"
	case SeverityHigh:
		return "8.0"
	case SeverityMedium:
		return "5.5"
	case SeverityLow:
		return "3.0"
	}
	return "0.0"
}

// Pos is a 1-based line and column.
type Pos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// Range is a span in a file.
type Range struct {
	Start Pos `json:"start"`
	End   Pos `json:"end"`
}

// Location is where a finding points, as file:line:col; findings without
// a position (read from a live Vault, whose file is a vault:// URL) are
// named by the file alone rather than as file:0:0.
func (f *Finding) Location() string {
	if f.Range.Start.Line <= 0 {
		return f.File
	}
	return fmt.Sprintf("%s:%d:%d", f.File, f.Range.Start.Line, max(f.Range.Start.Column, 1))
}

// Finding is one problem found at one place.
type Finding struct {
	RuleID   string   `json:"rule_id"`
	Severity Severity `json:"-"`
	Title    string   `json:"title"`
	Message  string   `json:"message"`
	// File is relative to the working directory and slash-separated, or a
	// vault:// URL for objects read from a live Vault.
	File    string `json:"file"`
	Range   Range  `json:"range"`
	Kind    string `json:"kind"`
	HelpURI string `json:"help_uri,omitempty"`
	// Fingerprint identifies the finding independently of its line number
	// (rule, file and the offending node's normalised content).
	Fingerprint string `json:"fingerprint,omitempty"`
}

// Rule is a catalog entry, for formatters that describe rules (SARIF).
type Rule struct {
	ID          string
	Title       string
	Description string
	Severity    Severity
	Remediation string
	HelpURI     string
	Kinds       []string
}

// Summary counts what a run looked at and found.
type Summary struct {
	Files      int            `json:"files"`
	Skipped    int            `json:"skipped"`
	Findings   int            `json:"findings"`
	BySeverity map[string]int `json:"by_severity"`
	// Suppressed counts findings hidden by inline ignores, Baselined those
	// hidden by the baseline file.
	Suppressed int `json:"suppressed"`
	Baselined  int `json:"baselined"`
}

// Report is the outcome of one lint run.
type Report struct {
	Tool     string
	Version  string
	Findings []Finding
	Rules    []Rule
	Summary  Summary
}

// Sort orders findings by file, line, column and rule, the order every
// output uses.
func (r *Report) Sort() {
	sort.SliceStable(r.Findings, func(i, j int) bool {
		a, b := r.Findings[i], r.Findings[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Range.Start.Line != b.Range.Start.Line {
			return a.Range.Start.Line < b.Range.Start.Line
		}
		if a.Range.Start.Column != b.Range.Start.Column {
			return a.Range.Start.Column < b.Range.Start.Column
		}
		if a.RuleID != b.RuleID {
			return a.RuleID < b.RuleID
		}
		return a.Message < b.Message
	})
}

// Summarize recomputes the finding counts.
func (r *Report) Summarize() {
	r.Summary.Findings = len(r.Findings)
	r.Summary.BySeverity = map[string]int{}
	for _, s := range []Severity{SeverityCritical, SeverityHigh, SeverityMedium, SeverityLow, SeverityInfo} {
		r.Summary.BySeverity[s.String()] = 0
	}
	for _, f := range r.Findings {
		r.Summary.BySeverity[f.Severity.String()]++
	}
}

// Max returns the highest severity among the findings, and false when
// there are none.
func (r *Report) Max() (Severity, bool) {
	if len(r.Findings) == 0 {
		return SeverityInfo, false
	}
	m := SeverityInfo
	for _, f := range r.Findings {
		m = max(m, f.Severity)
	}
	return m, true
}

// Formatter writes a report in one format.
type Formatter interface {
	Format(w io.Writer, r *Report) error
}

// FormatOptions are the knobs formatters share.
type FormatOptions struct {
	Color bool // ANSI colour, only when writing to a terminal
}

// Formatters is the registry of output formats by name.
func Formatters(opts FormatOptions) map[string]Formatter {
	return map[string]Formatter{
		"table":      &tableFormatter{color: opts.Color},
		"json":       &jsonFormatter{},
		"sarif":      &sarifFormatter{},
		"junit":      &junitFormatter{},
		"github":     &githubFormatter{},
		"checkstyle": &checkstyleFormatter{},
		"compact":    &compactFormatter{},
	}
}

// FormatNames lists the registered format names, sorted.
func FormatNames() []string {
	names := make([]string, 0)
	for n := range Formatters(FormatOptions{}) {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
