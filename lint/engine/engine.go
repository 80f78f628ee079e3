// Package engine loads vaultguard's Rego rules (embedded and user-supplied),
// reads their METADATA into a catalog, prepares one query for all of them
// and evaluates it against model inputs.
//
// The rule contract: one rule per package `vaultguard.rules.<category>.<slug>`,
// with package METADATA carrying title, description, related_resources and
// custom {id, severity, kinds, remediation}; the rule defines
// `deny contains {"msg": ..., "_loc": <a _loc from the input>}` and may set
// "severity" in a result to grade it.
package engine

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/report"
)

// RulePrefix is the package path every rule lives under.
const RulePrefix = "vaultguard.rules."

// Rule is one catalog entry, read from a rule package's METADATA.
type Rule struct {
	ID          string
	Title       string
	Description string
	Severity    report.Severity
	Kinds       []string
	Remediation string
	HelpURI     string
	Package     string // e.g. vaultguard.rules.policy.wildcard_path
	File        string // the .rego file it came from
	Custom      bool   // loaded from a user's rule directory
}

// Report converts the rule to the report's catalog entry.
func (r *Rule) Report() report.Rule {
	return report.Rule{ID: r.ID, Title: r.Title, Description: r.Description, Severity: r.Severity, Remediation: r.Remediation, HelpURI: r.HelpURI, Kinds: r.Kinds}
}

// Source is a set of .rego files: the embedded rules or a user directory.
type Source struct {
	FS     fs.FS
	Root   string // directory inside FS
	Custom bool
	// Label names the source in errors (a directory path for user rules).
	Label string
	// Tests includes the *_test.rego files; linting does not need them,
	// and parsing them is a third of the start-up time.
	Tests bool
}

// Result is one raw finding from a rule.
type Result struct {
	Rule     *Rule
	Message  string
	Range    model.Range
	Severity report.Severity
}

// Engine evaluates every loaded rule against an input with one prepared query.
type Engine struct {
	rules    []*Rule
	byPkg    map[string]*Rule
	byID     map[string]*Rule
	query    rego.PreparedEvalQuery
	modules  map[string]*ast.Module
	compiler *ast.Compiler
	data     map[string]any
}

var idPattern = regexp.MustCompile(`^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$`)

// Module is a parsed .rego file with its origin.
type Module struct {
	Name   string
	Source []byte
	Parsed *ast.Module
	Custom bool
	Test   bool
}

// LoadModules reads and parses every .rego file of the sources.
func LoadModules(sources []Source) ([]*Module, error) {
	// Read in order, parse on every CPU: parsing ~100 modules is most of
	// the start-up a pre-commit hook feels.
	var mods []*Module
	for _, src := range sources {
		err := fs.WalkDir(src.FS, src.Root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !strings.HasSuffix(p, ".rego") || (!src.Tests && strings.HasSuffix(p, "_test.rego")) {
				return nil
			}
			b, err := fs.ReadFile(src.FS, p)
			if err != nil {
				return err
			}
			name := p
			if src.Label != "" {
				rel := strings.TrimPrefix(strings.TrimPrefix(p, src.Root), "/")
				name = path.Join(src.Label, rel)
			}
			mods = append(mods, &Module{Name: name, Source: b, Custom: src.Custom, Test: strings.HasSuffix(p, "_test.rego")})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	errs := make([]error, len(mods))
	var wg sync.WaitGroup
	next := make(chan int)
	for range max(1, min(runtime.GOMAXPROCS(0), len(mods))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				m := mods[i]
				m.Parsed, errs[i] = ast.ParseModuleWithOpts(m.Name, string(m.Source), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
			}
		}()
	}
	for i := range mods {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("parse rule %w", err)
		}
	}
	return mods, nil
}

// Catalog reads the rules' METADATA from parsed modules.
func Catalog(mods []*Module) ([]*Rule, error) {
	var rules []*Rule
	var errs []error
	seen := map[string]*Rule{}
	for _, m := range mods {
		if m.Test {
			continue
		}
		pkg := strings.TrimPrefix(m.Parsed.Package.Path.String(), "data.")
		if !strings.HasPrefix(pkg, RulePrefix) {
			continue // a library package
		}
		rule, err := ruleFromModule(m, pkg)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if prev, dup := seen[rule.ID]; dup {
			errs = append(errs, fmt.Errorf("%s: rule id %s is already used by %s", m.Name, rule.ID, prev.File))
			continue
		}
		seen[rule.ID] = rule
		rules = append(rules, rule)
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	return rules, errors.Join(errs...)
}

func ruleFromModule(m *Module, pkg string) (*Rule, error) {
	parts := strings.Split(strings.TrimPrefix(pkg, RulePrefix), ".")
	if len(parts) != 2 {
		return nil, fmt.Errorf("%s:%d: rule package %s must be %s<category>.<slug>", m.Name, m.Parsed.Package.Location.Row, pkg, RulePrefix)
	}
	var ann *ast.Annotations
	for _, a := range m.Parsed.Annotations {
		if a.Scope == "package" {
			ann = a
		}
	}
	row := m.Parsed.Package.Location.Row
	if ann == nil {
		return nil, fmt.Errorf("%s:%d: rule package %s has no package-scoped METADATA", m.Name, row, pkg)
	}
	r := &Rule{Title: ann.Title, Description: strings.TrimSpace(ann.Description), Package: pkg, File: m.Name, Custom: m.Custom}
	if ann.Location != nil {
		row = ann.Location.Row
	}
	id, _ := ann.Custom["id"].(string)
	if !idPattern.MatchString(id) {
		return nil, fmt.Errorf("%s:%d: METADATA custom.id %q is missing or malformed (want e.g. VG-POL-001)", m.Name, row, id)
	}
	r.ID = id
	sev, _ := ann.Custom["severity"].(string)
	s, err := report.ParseSeverity(sev)
	if err != nil || s == report.SeverityNone {
		return nil, fmt.Errorf("%s:%d: rule %s: METADATA custom.severity %q must be critical, high, medium, low or info", m.Name, row, id, sev)
	}
	r.Severity = s
	switch k := ann.Custom["kinds"].(type) {
	case []any:
		for _, x := range k {
			if s, ok := x.(string); ok {
				r.Kinds = append(r.Kinds, s)
			}
		}
	case string:
		r.Kinds = []string{k}
	}
	if len(r.Kinds) == 0 {
		return nil, fmt.Errorf("%s:%d: rule %s: METADATA custom.kinds lists no object kind", m.Name, row, id)
	}
	r.Remediation, _ = ann.Custom["remediation"].(string)
	if r.Title == "" {
		return nil, fmt.Errorf("%s:%d: rule %s: METADATA title is missing", m.Name, row, id)
	}
	for _, rr := range ann.RelatedResources {
		if rr != nil && r.HelpURI == "" {
			r.HelpURI = rr.Ref.String()
		}
	}
	return r, nil
}

// New compiles the modules and prepares the one query that runs every
// enabled rule (nil enabled means all). data is exposed to rules as
// data.vaultguard.config (thresholds). Disabled rules stay in the catalog
// but are not evaluated, so switching a rule off also saves its time.
func New(ctx context.Context, mods []*Module, config map[string]any, enabled func(*Rule) bool) (*Engine, error) {
	rules, err := Catalog(mods)
	if err != nil {
		return nil, err
	}
	// One aggregating rule per enabled rule package: the query then visits
	// exactly the enabled rules, with no iteration over the package tree.
	var agg strings.Builder
	agg.WriteString("package vaultguard.enabled\n\n")
	on := map[string]bool{}
	for _, r := range rules {
		if enabled != nil && !enabled(r) {
			continue
		}
		on[r.Package] = true
		fmt.Fprintf(&agg, "findings contains [%q, f] if some f in data.%s.deny\n\n", r.Package, r.Package)
	}
	modules := neededModules(mods, on)
	aggMod, err := ast.ParseModuleWithOpts("vaultguard-enabled.rego", agg.String(), ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		return nil, fmt.Errorf("prepare rules: %w", err)
	}
	modules["vaultguard-enabled.rego"] = aggMod
	compiler := ast.NewCompiler().WithEnablePrintStatements(false)
	compiler.Compile(modules)
	if compiler.Failed() {
		return nil, fmt.Errorf("compile rules: %w", compiler.Errors)
	}
	data := map[string]any{"vaultguard": map[string]any{"config": config}}
	e := &Engine{rules: rules, byPkg: map[string]*Rule{}, byID: map[string]*Rule{}, modules: modules, compiler: compiler, data: data}
	for _, r := range rules {
		e.byPkg[r.Package] = r
		e.byID[r.ID] = r
	}
	q, err := rego.New(
		rego.Query("x := data.vaultguard.enabled.findings[_]"),
		rego.Compiler(compiler),
		rego.Store(inmem.NewFromObject(data)),
	).PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("prepare rules: %w", err)
	}
	e.query = q
	return e, nil
}

// neededModules picks what to compile: the enabled rules, every library,
// and any rule package those refer to (a user rule may reuse another's
// helpers), not the whole catalog: linting policies with four rules
// compiles four rule modules.
func neededModules(mods []*Module, enabled map[string]bool) map[string]*ast.Module {
	byPkg := map[string][]*Module{}
	want := map[string]bool{}
	var queue []string
	for _, m := range mods {
		if m.Test {
			continue
		}
		pkg := strings.TrimPrefix(m.Parsed.Package.Path.String(), "data.")
		byPkg[pkg] = append(byPkg[pkg], m)
		if (!strings.HasPrefix(pkg, RulePrefix) || enabled[pkg]) && !want[pkg] {
			want[pkg] = true
			queue = append(queue, pkg)
		}
	}
	for len(queue) > 0 {
		pkg := queue[0]
		queue = queue[1:]
		for _, m := range byPkg[pkg] {
			var refs []ast.Ref
			ast.WalkRefs(m.Parsed, func(r ast.Ref) bool { refs = append(refs, r); return false })
			for _, imp := range m.Parsed.Imports {
				if r, ok := imp.Path.Value.(ast.Ref); ok {
					refs = append(refs, r)
				}
			}
			for _, r := range refs {
				for _, dep := range rulePackagesUnder(r, byPkg) {
					if !want[dep] {
						want[dep] = true
						queue = append(queue, dep)
					}
				}
			}
		}
	}
	out := map[string]*ast.Module{}
	for pkg := range want {
		for _, m := range byPkg[pkg] {
			out[m.Name] = m.Parsed
		}
	}
	return out
}

// rulePackagesUnder lists the rule packages a reference points into
// (data.vaultguard.rules.<category>.<slug>...) or, for a shorter one such
// as an imported category, every rule package beneath it.
func rulePackagesUnder(r ast.Ref, byPkg map[string][]*Module) []string {
	if len(r) < 3 || !r[0].Equal(ast.DefaultRootDocument) {
		return nil
	}
	parts := []string{}
	for _, t := range r[1:min(len(r), 5)] {
		s, ok := t.Value.(ast.String)
		if !ok {
			break
		}
		parts = append(parts, string(s))
	}
	if len(parts) < 2 || parts[0] != "vaultguard" || parts[1] != "rules" {
		return nil
	}
	if len(parts) == 4 {
		return []string{strings.Join(parts, ".")}
	}
	prefix := strings.Join(parts, ".") + "."
	var out []string
	for pkg := range byPkg {
		if strings.HasPrefix(pkg, prefix) {
			out = append(out, pkg)
		}
	}
	return out
}

// Rules returns the catalog, sorted by id.
func (e *Engine) Rules() []*Rule { return e.rules }

// Rule looks a rule up by id.
func (e *Engine) Rule(id string) *Rule { return e.byID[id] }

// Eval runs every rule over the input.
func (e *Engine) Eval(ctx context.Context, input *model.Input) ([]Result, error) {
	rs, err := e.query.Eval(ctx, rego.EvalParsedInput(input.Value()))
	if err != nil {
		return nil, fmt.Errorf("evaluate rules: %w", err)
	}
	out := make([]Result, 0, len(rs))
	for _, r := range rs {
		x, _ := r.Bindings["x"].([]any)
		if len(x) != 2 {
			return nil, fmt.Errorf("evaluate rules: unexpected result %v", r.Bindings["x"])
		}
		pkg, _ := x[0].(string)
		rule := e.byPkg[pkg]
		if rule == nil {
			return nil, fmt.Errorf("package %s produced findings but has no METADATA", pkg)
		}
		r.Bindings["f"] = x[1]
		f, ok := r.Bindings["f"].(map[string]any)
		if !ok {
			return nil, fmt.Errorf("rule %s (%s): deny must contain objects {msg, _loc}", rule.ID, rule.File)
		}
		msg, _ := f["msg"].(string)
		rng, ok := model.RangeFromLoc(f["_loc"])
		if msg == "" || !ok {
			return nil, fmt.Errorf("rule %s (%s): a result lacks msg or a _loc taken from the input: %v", rule.ID, rule.File, f)
		}
		sev := rule.Severity
		if s, ok := f["severity"].(string); ok {
			if ps, err := report.ParseSeverity(s); err == nil && ps != report.SeverityNone {
				sev = ps
			}
		}
		out = append(out, Result{Rule: rule, Message: msg, Range: rng, Severity: sev})
	}
	return out, nil
}

// KindsOf lists every kind some rule applies to.
func (e *Engine) KindsOf() []string {
	var kinds []string
	for _, r := range e.rules {
		for _, k := range r.Kinds {
			if !slices.Contains(kinds, k) {
				kinds = append(kinds, k)
			}
		}
	}
	sort.Strings(kinds)
	return kinds
}
