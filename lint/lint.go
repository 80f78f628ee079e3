// Package lint runs vaultguard's static checks: it finds Vault files, reads
// them into the model, evaluates the Rego rules once over the whole input
// and post-processes the results (positions, dedup, sorting) into a report.
package lint

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/vaultguard/vaultguard/lint/engine"
	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/source"
	"github.com/vaultguard/vaultguard/lint/source/vaultfile"
	"github.com/vaultguard/vaultguard/report"
	"github.com/vaultguard/vaultguard/rules"
)

// ParseRuleID is the rule for files Vault would reject.
const ParseRuleID = "VG-PARSE-001"

// ParseRule describes ParseRuleID; it is produced by Go, not Rego.
var ParseRule = report.Rule{
	ID:          ParseRuleID,
	Title:       "File Vault would reject",
	Description: "The file cannot be parsed, or holds something Vault refuses: bad HCL or JSON syntax, an unknown capability, an unknown key in a policy, a duplicate attribute. Vault would reject it when it is written or loaded, so nothing else in it was checked.",
	Severity:    report.SeverityHigh,
	Remediation: "Fix the syntax or the key at the position shown; `vault policy fmt FILE` reformats a valid policy.",
	HelpURI:     "https://developer.hashicorp.com/vault/docs/concepts/policies#policy-syntax",
	Kinds:       []string{"policy", "server_config"},
}

// Thresholds are the limits rules compare against (data.vaultguard.config.thresholds).
// All are in seconds. DefaultLeaseTTL and MaxLeaseTTL also bound mounts'
// tune TTLs.
type Thresholds struct {
	DefaultLeaseTTL int64 `json:"default_lease_ttl"`
	MaxLeaseTTL     int64 `json:"max_lease_ttl"`
	// TokenTTL and TokenMaxTTL bound auth roles' token_ttl and
	// token_max_ttl (AppRole, token, Kubernetes, JWT... roles).
	TokenTTL    int64 `json:"token_ttl"`
	TokenMaxTTL int64 `json:"token_max_ttl"`
	// SecretIDTTL bounds an AppRole role's secret_id_ttl.
	SecretIDTTL int64 `json:"secret_id_ttl"`
	// DatabaseDefaultTTL and DatabaseMaxTTL bound database roles'
	// default_ttl and max_ttl.
	DatabaseDefaultTTL int64 `json:"database_default_ttl"`
	DatabaseMaxTTL     int64 `json:"database_max_ttl"`
}

// DefaultThresholds are the documented defaults: 1h for what a client
// gets by default, 24h at most.
func DefaultThresholds() Thresholds {
	return Thresholds{
		DefaultLeaseTTL:    3600,
		MaxLeaseTTL:        86400,
		TokenTTL:           3600,
		TokenMaxTTL:        86400,
		SecretIDTTL:        86400,
		DatabaseDefaultTTL: 3600,
		DatabaseMaxTTL:     86400,
	}
}

// Options configure a Linter.
type Options struct {
	Thresholds Thresholds
	// RuleDirs are extra directories of user Rego rules.
	RuleDirs []string
	// Disabled lists rule ids and categories (policy, server, ...) to drop.
	Disabled []string
	// Severity overrides severities by rule id or category; an id wins
	// over its category.
	Severity map[string]report.Severity
	// Baseline hides the findings it accepts.
	Baseline *Baseline
	// ReportUnusedIgnores reports ignore comments that suppress nothing.
	ReportUnusedIgnores bool
	// Now is today's date for ignore expiry; nil means time.Now.
	Now func() time.Time
}

// Linter holds the loaded rules; build it once, run it on many inputs.
// Rules are compiled on first use for the object kinds an input holds, so
// linting one policy file compiles only the policy rules.
type Linter struct {
	opts    Options
	mods    []*engine.Module
	config  map[string]any
	catalog []*engine.Rule
	byID    map[string]*engine.Rule

	mu      sync.Mutex
	engines map[string]*engine.Engine // by sorted kind set
}

// New loads the rules and checks their catalog.
func New(ctx context.Context, opts Options) (*Linter, error) {
	sources := []engine.Source{{FS: rules.FS, Root: "."}}
	for _, dir := range opts.RuleDirs {
		sources = append(sources, engine.Source{FS: os.DirFS(dir), Root: ".", Custom: true, Label: filepath.ToSlash(dir)})
	}
	mods, err := engine.LoadModules(sources)
	if err != nil {
		return nil, err
	}
	if err := checkRuleNames(mods, opts); err != nil {
		return nil, err
	}
	catalog, err := engine.Catalog(mods)
	if err != nil {
		return nil, err
	}
	th := opts.Thresholds
	if th == (Thresholds{}) {
		th = DefaultThresholds()
	}
	config, err := toJSONMap(map[string]any{"thresholds": th})
	if err != nil {
		return nil, err
	}
	l := &Linter{opts: opts, mods: mods, config: config, catalog: catalog, byID: map[string]*engine.Rule{}, engines: map[string]*engine.Engine{}}
	for _, r := range catalog {
		l.byID[r.ID] = r
	}
	if len(opts.RuleDirs) > 0 {
		// Compile user rules now, so that a broken one fails before any
		// file is read, with its file and line.
		if _, err := l.engineFor(ctx, nil); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// engineFor returns the compiled rules that apply to inputs holding kinds
// (nil means every rule).
func (l *Linter) engineFor(ctx context.Context, kinds map[string]bool) (*engine.Engine, error) {
	key := "*"
	if kinds != nil {
		key = strings.Join(slices.Sorted(maps.Keys(kinds)), ",")
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if e, ok := l.engines[key]; ok {
		return e, nil
	}
	enabled := func(r *engine.Rule) bool {
		cat := strings.SplitN(strings.TrimPrefix(r.Package, engine.RulePrefix), ".", 2)[0]
		if slices.Contains(l.opts.Disabled, r.ID) || slices.Contains(l.opts.Disabled, cat) {
			return false
		}
		if kinds == nil {
			return true
		}
		for _, k := range r.Kinds {
			if kinds[k] {
				return true
			}
		}
		return false
	}
	e, err := engine.New(ctx, l.mods, l.config, enabled)
	if err != nil {
		return nil, err
	}
	l.engines[key] = e
	return e, nil
}

// inputKinds lists the object kinds an input holds.
func inputKinds(in *model.Input) map[string]bool {
	kinds := map[string]bool{}
	for _, o := range in.Objects {
		kinds[o.Kind] = true
	}
	if len(in.Policies) > 0 {
		kinds[model.KindPolicy] = true
	}
	return kinds
}

// UnknownRuleError reports configuration naming a rule or category that
// does not exist, so a typo never silently keeps a check on or off.
type UnknownRuleError struct {
	Name string
}

func (e *UnknownRuleError) Error() string {
	return fmt.Sprintf("no rule or category %q; `vaultguard rules` lists them", e.Name)
}

// checkRuleNames validates the ids and categories options refer to
// against the catalog, before anything is compiled.
func checkRuleNames(mods []*engine.Module, opts Options) error {
	if len(opts.Disabled) == 0 && len(opts.Severity) == 0 {
		return nil
	}
	catalog, err := engine.Catalog(mods)
	if err != nil {
		return err
	}
	known := map[string]bool{"parse": true, "ignore": true}
	for _, r := range builtinRules {
		known[r.ID] = true
	}
	for _, r := range catalog {
		known[r.ID] = true
		known[strings.SplitN(strings.TrimPrefix(r.Package, engine.RulePrefix), ".", 2)[0]] = true
	}
	names := append([]string{}, opts.Disabled...)
	for name := range opts.Severity {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if !known[name] {
			return &UnknownRuleError{Name: name}
		}
	}
	return nil
}

func toJSONMap(v any) (map[string]any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	err = json.Unmarshal(b, &m)
	return m, err
}

// Rules returns the catalog: the built-in parse rule and every Rego rule.
func (l *Linter) Rules() []report.Rule {
	out := append([]report.Rule{}, builtinRules...)
	for _, r := range l.catalog {
		out = append(out, r.Report())
	}
	slices.SortFunc(out, func(a, b report.Rule) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// Rule returns one catalog entry and its source file ("" for built-ins).
func (l *Linter) Rule(id string) (report.Rule, string, bool) {
	for _, r := range builtinRules {
		if strings.EqualFold(id, r.ID) {
			return r, "", true
		}
	}
	for _, r := range l.catalog {
		if strings.EqualFold(r.ID, id) {
			return r.Report(), r.File, true
		}
	}
	return report.Rule{}, "", false
}

// Target says what to lint.
type Target struct {
	Paths    []string
	Excludes []string // glob patterns (** allowed) on slash paths relative to BaseDir
	Kind     vaultfile.Kind
	// BaseDir is what reported file names are relative to; "" is the
	// working directory.
	BaseDir string
	// MaxFileSize skips larger files; 0 means DefaultMaxFileSize.
	MaxFileSize int64
}

// Skip is a file that was not linted, and why.
type Skip struct {
	File     string
	Reason   string
	Explicit bool // named on the command line rather than found by walking
}

// Result is a lint run's outcome.
type Result struct {
	Report *report.Report
	Skips  []Skip
	// Stale lists baseline entries no finding matched any more.
	Stale []BaselineEntry
	// All is every finding before ignores and the baseline hid any: what
	// --write-baseline records.
	All []report.Finding
}

// Run lints the target.
func (l *Linter) Run(ctx context.Context, t Target) (*Result, error) {
	ld, input, skips, err := load(ctx, t)
	if err != nil {
		return nil, err
	}
	return l.evaluate(ctx, ld, input, skips)
}

// RunInput lints a model that was not read from files (the live Vault
// API). sources maps a location to the text behind it (a policy's), for
// fingerprints and inline ignores; it may be nil.
func (l *Linter) RunInput(ctx context.Context, input *model.Input, sources map[string][]byte) (*Result, error) {
	if sources == nil {
		sources = map[string][]byte{}
	}
	return l.evaluate(ctx, &loader{sources: sources, context: map[string]bool{}}, input, nil)
}

// evaluate runs the rules on a loaded input and post-processes the results.
func (l *Linter) evaluate(ctx context.Context, ld *loader, input *model.Input, skips []Skip) (*Result, error) {
	e, err := l.engineFor(ctx, inputKinds(input))
	if err != nil {
		return nil, err
	}
	results, err := evalParallel(ctx, e, input)
	if err != nil {
		return nil, err
	}
	var findings []report.Finding
	for _, pe := range ld.parseErrors {
		if ld.context[pe.Range.File] {
			continue
		}
		findings = append(findings, finding(ParseRule, report.SeverityHigh, pe.Message, pe.Range, ld.sources))
	}
	for _, r := range results {
		if ld.context[r.Range.File] {
			continue
		}
		findings = append(findings, finding(r.Rule.Report(), r.Severity, r.Message, r.Range, ld.sources))
	}
	rep := &report.Report{Tool: "vaultguard", Rules: l.Rules(), Findings: findings}
	rep.Findings = dedup(rep.Findings)
	rep.Sort()
	numberFingerprints(rep.Findings)
	rep.Findings = l.configure(rep.Findings)
	res := &Result{Report: rep, Skips: skips, All: slices.Clone(rep.Findings)}

	now := time.Now
	if l.opts.Now != nil {
		now = l.opts.Now
	}
	rep.Findings, rep.Summary.Suppressed = applyIgnores(rep.Findings, ld.sources, now(), l.opts.ReportUnusedIgnores)
	if l.opts.Baseline != nil {
		rep.Findings, rep.Summary.Baselined, res.Stale = l.opts.Baseline.Filter(rep.Findings)
	}
	rep.Sort()
	rep.Summary.Files = ld.linted
	rep.Summary.Skipped = len(skips)
	rep.Summarize()
	return res, nil
}

// category is a rule's group for configuration: the <category> of its
// package, or parse/ignore for the built-in rules.
func (l *Linter) category(id string) string {
	if r := l.byID[id]; r != nil {
		parts := strings.Split(strings.TrimPrefix(r.Package, engine.RulePrefix), ".")
		return parts[0]
	}
	if strings.HasPrefix(id, "VG-IGNORE-") {
		return "ignore"
	}
	return "parse"
}

// configure drops disabled rules and applies severity overrides.
func (l *Linter) configure(in []report.Finding) []report.Finding {
	if len(l.opts.Disabled) == 0 && len(l.opts.Severity) == 0 {
		return in
	}
	out := in[:0]
	for _, f := range in {
		cat := l.category(f.RuleID)
		if slices.Contains(l.opts.Disabled, f.RuleID) || slices.Contains(l.opts.Disabled, cat) {
			continue
		}
		if s, ok := l.opts.Severity[f.RuleID]; ok {
			f.Severity = s
		} else if s, ok := l.opts.Severity[cat]; ok {
			f.Severity = s
		}
		out = append(out, f)
	}
	return out
}

// numberFingerprints makes fingerprints unique within a file by appending
// the occurrence number to repeats (two identical listeners, say).
func numberFingerprints(fs []report.Finding) {
	seen := map[string]int{}
	for i := range fs {
		k := fs[i].RuleID + "|" + fs[i].File + "|" + fs[i].Fingerprint
		seen[k]++
		if n := seen[k]; n > 1 {
			fs[i].Fingerprint = fmt.Sprintf("%s-%d", fs[i].Fingerprint, n)
		}
	}
}

func finding(rule report.Rule, sev report.Severity, msg string, r model.Range, sources map[string][]byte) report.Finding {
	kind := ""
	if len(rule.Kinds) > 0 {
		kind = rule.Kinds[0]
	}
	return report.Finding{
		RuleID:      rule.ID,
		Severity:    sev,
		Title:       rule.Title,
		Message:     msg,
		File:        r.File,
		Range:       report.Range{Start: report.Pos{Line: r.Start.Line, Column: r.Start.Column}, End: report.Pos{Line: r.End.Line, Column: r.End.Column}},
		Kind:        kind,
		HelpURI:     rule.HelpURI,
		Fingerprint: fingerprint(rule.ID, r, sources[r.File]),
	}
}

// fingerprint identifies a finding by rule, file and the normalised text
// of the offending node, not by its line, so it survives edits above it.
func fingerprint(rule string, r model.Range, src []byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", rule, r.File)
	if src != nil && r.Start.Line > 0 {
		lines := strings.Split(string(src), "\n")
		end := max(r.End.Line, r.Start.Line)
		for i := r.Start.Line; i <= end && i <= len(lines); i++ {
			h.Write([]byte(strings.Join(strings.Fields(lines[i-1]), " ")))
			h.Write([]byte{'\n'})
		}
	} else {
		fmt.Fprintf(h, "%d:%d", r.Start.Line, r.Start.Column)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func dedup(in []report.Finding) []report.Finding {
	type key struct {
		rule, file, msg string
		line, col       int
	}
	seen := map[key]bool{}
	out := in[:0]
	for _, f := range in {
		k := key{f.RuleID, f.File, f.Message, f.Range.Start.Line, f.Range.Start.Column}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}

// ---- discovery ----

// configFileName is vaultguard's own configuration (lint/config.FileName),
// never linted as a Vault file.
const configFileName = ".vaultguard.hcl"

var skipDirs = map[string]bool{".git": true, "node_modules": true, ".terraform": true, "vendor": true}

// lintable says whether a file found by walking is worth opening: a Vault
// file, a file an adapter claims by name, or an extensionless file whose
// first bytes (a shebang) an adapter claims.
func lintable(p string, as []source.Adapter) bool {
	if isVaultFileName(p) {
		return true
	}
	for _, a := range as {
		if a.Match(p, nil) {
			return true
		}
	}
	if filepath.Ext(p) != "" || len(as) == 0 {
		return false
	}
	head := make([]byte, 128)
	fh, err := os.Open(p)
	if err != nil {
		return false
	}
	defer fh.Close()
	n, _ := fh.Read(head)
	for _, a := range as {
		if a.Match(p, head[:n]) {
			return true
		}
	}
	return false
}

type file struct {
	path     string // as reported: relative, slash-separated
	osPath   string
	explicit bool
	// context files are read only to complete a server config split over
	// a directory when just some of its files were named (a pre-commit
	// hook passes the staged ones); their own findings are not reported.
	context bool
}

func discover(t Target) ([]file, []Skip, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, nil, err
	}
	base := t.BaseDir
	if base == "" {
		base = wd
	} else if !filepath.IsAbs(base) {
		base = filepath.Join(wd, base)
	}
	paths := t.Paths
	if len(paths) == 0 {
		paths = []string{"."}
	}
	var files []file
	var skips []Skip
	as := adapters()
	seen := map[string]bool{}
	add := func(osPath string, explicit bool) {
		rel := displayFrom(base, wd, osPath)
		if seen[rel] {
			return
		}
		if excluded(t.Excludes, rel) {
			if explicit {
				skips = append(skips, Skip{File: rel, Reason: "excluded by --exclude", Explicit: true})
			}
			return
		}
		seen[rel] = true
		files = append(files, file{path: rel, osPath: osPath, explicit: explicit})
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, nil, fmt.Errorf("lint %s: %w", p, err)
		}
		if !info.IsDir() {
			add(p, true)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				// An unreadable entry is reported as a skip; the walk goes on.
				skips = append(skips, Skip{File: displayFrom(base, wd, path), Reason: err.Error()})
				return nil //nolint:nilerr // recorded above, not fatal
			}
			if d.IsDir() {
				if path != p && (skipDirs[d.Name()] || excluded(t.Excludes, displayFrom(base, wd, path))) {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && d.Name() != configFileName && lintable(path, as) {
				add(path, false)
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	return files, skips, nil
}

// DisplayPath is how a file is named in findings: relative to base and
// slash-separated when it is inside base, else as given.
func DisplayPath(base, p string) string { return display(base, p) }

func display(base, p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return filepath.ToSlash(p)
	}
	return displayFrom(base, wd, p)
}

// displayFrom is display with the working directory already known: a walk
// names thousands of files, and os.Getwd costs two stat calls each time.
func displayFrom(base, wd, p string) string {
	abs := p
	if !filepath.IsAbs(p) {
		abs = filepath.Join(wd, p)
	}
	if rel, err := filepath.Rel(base, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(p)
}

// SetThreshold sets one threshold by its configuration name from a raw
// value (a duration string such as "1h", or a number of seconds).
func (t *Thresholds) SetThreshold(name string, raw any) error {
	m, err := toJSONMap(t)
	if err != nil {
		return err
	}
	if _, ok := m[name]; !ok {
		return fmt.Errorf("unknown threshold %q (known: %s)", name, strings.Join(model.SortedKeys(m), ", "))
	}
	secs, ok := model.Seconds(raw)
	if !ok || secs < 0 {
		return fmt.Errorf("threshold %s: %v is not a duration (want e.g. \"1h\", \"90m\" or seconds)", name, raw)
	}
	m[name] = secs
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, t)
}
