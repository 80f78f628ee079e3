// Package config reads .vaultguard.hcl, the project's lint configuration:
// which rules run and how severe they are, thresholds, excludes, extra
// rule directories and the failure threshold. Unknown keys are errors with
// positions, so a typo never silently disables a check.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// FileName is the configuration file looked for.
const FileName = ".vaultguard.hcl"

// Config is the decoded configuration.
type Config struct {
	// File is the configuration's path ("" when none was found).
	File                string
	FailOn              string
	Exclude             []string
	RuleDirs            []string // resolved relative to the config file
	ReportUnusedIgnores *bool
	Baseline            string
	Rules               map[string]RuleSetting // by rule id or category
	// Thresholds are raw values by name (durations as written); the linter
	// validates names and reads durations.
	Thresholds map[string]Value
}

// RuleSetting enables, disables or re-grades a rule or a whole category.
type RuleSetting struct {
	Enabled  *bool
	Severity string
	Range    hcl.Range
}

// Value is a threshold as written, with its position for errors.
type Value struct {
	Raw   any // string or int64
	Range hcl.Range
}

type fileSchema struct {
	FailOn              *string         `hcl:"fail_on,optional"`
	Exclude             []string        `hcl:"exclude,optional"`
	Rules               []string        `hcl:"rules,optional"`
	ReportUnusedIgnores *bool           `hcl:"report_unused_ignores,optional"`
	Baseline            *string         `hcl:"baseline,optional"`
	RuleBlocks          []ruleBlock     `hcl:"rule,block"`
	Categories          []categoryBlock `hcl:"category,block"`
	Thresholds          *thresholdBlock `hcl:"thresholds,block"`
}

type ruleBlock struct {
	ID       string    `hcl:"id,label"`
	Enabled  *bool     `hcl:"enabled,optional"`
	Severity *string   `hcl:"severity,optional"`
	Range    hcl.Range `hcl:",def_range"`
}

type categoryBlock struct {
	Name     string    `hcl:"name,label"`
	Enabled  *bool     `hcl:"enabled,optional"`
	Severity *string   `hcl:"severity,optional"`
	Range    hcl.Range `hcl:",def_range"`
}

type thresholdBlock struct {
	Body hcl.Body `hcl:",remain"`
}

// Error is a configuration problem with its position.
type Error struct {
	Diags hcl.Diagnostics
}

func (e *Error) Error() string {
	var msgs []string
	for _, d := range e.Diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + d.Detail
		}
		if d.Subject != nil {
			msg = fmt.Sprintf("%s:%d:%d: %s", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column, msg)
		}
		msgs = append(msgs, msg)
	}
	return errors.Join(errorsOf(msgs)...).Error()
}

func errorsOf(msgs []string) []error {
	out := make([]error, len(msgs))
	for i, m := range msgs {
		out[i] = errors.New(m)
	}
	return out
}

// Find walks up from dir to the filesystem root looking for FileName and
// returns its path, or "" when there is none.
func Find(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(abs, FileName)
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return ""
		}
		abs = parent
	}
}

// Load reads a configuration file.
func Load(path string) (*Config, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	return Parse(path, src)
}

// Parse decodes configuration text; name is used in positions and to
// resolve relative rule directories.
func Parse(name string, src []byte) (*Config, error) {
	f, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, &Error{Diags: diags}
	}
	var fs fileSchema
	if diags := gohcl.DecodeBody(f.Body, nil, &fs); diags.HasErrors() {
		return nil, &Error{Diags: diags}
	}
	c := &Config{File: name, Rules: map[string]RuleSetting{}, Thresholds: map[string]Value{}}
	if fs.FailOn != nil {
		c.FailOn = *fs.FailOn
	}
	c.Exclude = fs.Exclude
	c.ReportUnusedIgnores = fs.ReportUnusedIgnores
	base := filepath.Dir(name)
	for _, d := range fs.Rules {
		if !filepath.IsAbs(d) {
			d = filepath.Join(base, d)
		}
		c.RuleDirs = append(c.RuleDirs, d)
	}
	if fs.Baseline != nil {
		c.Baseline = *fs.Baseline
		if !filepath.IsAbs(c.Baseline) {
			c.Baseline = filepath.Join(base, c.Baseline)
		}
	}
	for _, r := range fs.RuleBlocks {
		c.Rules[r.ID] = RuleSetting{Enabled: r.Enabled, Severity: deref(r.Severity), Range: r.Range}
	}
	for _, r := range fs.Categories {
		c.Rules[r.Name] = RuleSetting{Enabled: r.Enabled, Severity: deref(r.Severity), Range: r.Range}
	}
	if fs.Thresholds != nil {
		attrs, diags := fs.Thresholds.Body.JustAttributes()
		if diags.HasErrors() {
			return nil, &Error{Diags: diags}
		}
		for n, a := range attrs {
			v, diags := a.Expr.Value(nil)
			if diags.HasErrors() {
				return nil, &Error{Diags: diags}
			}
			var raw any
			switch {
			case v.Type() == cty.String:
				raw = v.AsString()
			case v.Type() == cty.Number:
				i, _ := v.AsBigFloat().Int64()
				raw = i
			default:
				return nil, &Error{Diags: hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Invalid threshold", Detail: fmt.Sprintf("%s must be a duration string such as \"1h\" or a number of seconds", n), Subject: a.Expr.Range().Ptr()}}}
			}
			c.Thresholds[n] = Value{Raw: raw, Range: a.Expr.Range()}
		}
	}
	return c, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// Errorf makes a positioned configuration error.
func Errorf(r hcl.Range, summary, format string, args ...any) error {
	return &Error{Diags: hcl.Diagnostics{{Severity: hcl.DiagError, Summary: summary, Detail: fmt.Sprintf(format, args...), Subject: r.Ptr()}}}
}

// SortedRuleKeys lists configured rule ids and categories in order.
func (c *Config) SortedRuleKeys() []string {
	keys := make([]string, 0, len(c.Rules))
	for k := range c.Rules {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Starter is the commented file `vaultguard init` writes.
const Starter = `# vaultguard configuration (https://github.com/vaultguard/vaultguard).
# vaultguard finds this file by walking up from the working directory.

# Exit 1 when a finding is at or above this severity:
# critical, high, medium, low, info or none.
fail_on = "low"

# Paths to skip (globs, ** allowed), relative to where vaultguard runs.
exclude = [
  # "vendor/**",
]

# Directories of your own Rego rules (same METADATA contract as ours;
# test them with: vaultguard rules test DIR).
rules = [
  # "policy-rules",
]

# Report ignore comments that no longer suppress anything.
# report_unused_ignores = true

# Accept today's findings and gate only on new ones:
#   vaultguard lint --write-baseline .vaultguard-baseline.json
# baseline = ".vaultguard-baseline.json"

# What counts as "short" (durations as "1h", "90m" or seconds).
thresholds {
  default_lease_ttl = "1h"
  max_lease_ttl     = "24h"
}

# Re-grade or switch off single rules ...
# rule "VG-POL-001" {
#   severity = "medium"
# }
# rule "VG-SRV-005" {
#   enabled = false
# }

# ... or whole categories (server, policy, parse, ignore, ...).
# category "server" {
#   enabled = false
# }
`
