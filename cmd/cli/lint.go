package cli

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/vaultguard/vaultguard/lint"
	"github.com/vaultguard/vaultguard/lint/config"
	"github.com/vaultguard/vaultguard/lint/source/vaultfile"
	"github.com/vaultguard/vaultguard/report"
)

type lintFlags struct {
	config        string
	formats       []string
	output        string
	failOn        string
	kind          string
	excludes      []string
	rules         []string
	thresholds    []string
	verbose       bool
	baseline      string
	writeBaseline string
	reportUnused  bool
	maxFileSize   int64
	vault         bool
}

func newLintCommand(streams IO) *cobra.Command {
	var fl lintFlags
	cmd := &cobra.Command{
		Use:   "lint [PATH...]",
		Short: "Lint Vault server configs and ACL policies",
		Long: `Lint Vault server configs and ACL policies (HCL or JSON).

Files are classified by content: top-level path blocks make an ACL policy;
storage, listener or seal make a server config. Files of one directory that
are not each a whole config (storage + listener) are merged into one server,
as vault server -config=DIR does.

Configuration comes from .vaultguard.hcl (found by walking up from the
working directory, or --config); flags win over it. Findings can be
suppressed inline with a comment on the line or the line above:

  # vaultguard:ignore VG-POL-001 reason="break-glass policy" expires=2027-03-01

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it,
2 usage or internal error.`,
		Example: `  vaultguard lint ./examples
  vaultguard lint --format sarif=vaultguard.sarif --format table policies/
  vaultguard lint --write-baseline .vaultguard-baseline.json
  vaultguard lint --baseline .vaultguard-baseline.json --fail-on high
  VAULT_ADDR=https://vault:8200 vaultguard lint --vault --format sarif=live.sarif`,
		RunE: func(cmd *cobra.Command, args []string) error {
			lintGC()
			return runLint(cmd, streams, fl, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.config, "config", "", "configuration file (default: "+config.FileName+" found by walking up)")
	f.StringArrayVarP(&fl.formats, "format", "f", []string{"table"}, "output format, or FORMAT=FILE; repeatable: "+strings.Join(report.FormatNames(), "|"))
	f.StringVarP(&fl.output, "output", "o", "", "write formats without =FILE to this file instead of stdout")
	f.StringVar(&fl.failOn, "fail-on", "low", "exit 1 when a finding is at or above this severity: critical|high|medium|low|info|none")
	f.StringVar(&fl.kind, "kind", "", "force the kind of named files: policy|server-config")
	f.StringArrayVar(&fl.excludes, "exclude", nil, "skip paths matching this glob (** allowed; repeatable)")
	f.StringArrayVar(&fl.rules, "rules", nil, "directory of extra Rego rules (repeatable)")
	f.StringArrayVar(&fl.thresholds, "threshold", nil, "override a threshold, NAME=DURATION (e.g. max_lease_ttl=48h; repeatable)")
	f.BoolVarP(&fl.verbose, "verbose", "v", false, "list skipped files and why")
	f.StringVar(&fl.baseline, "baseline", "", "hide the findings recorded in this baseline file; report only new ones")
	f.StringVar(&fl.writeBaseline, "write-baseline", "", "record the current findings in this baseline file and exit 0")
	f.Int64Var(&fl.maxFileSize, "max-file-size", lint.DefaultMaxFileSize, "skip files larger than this many bytes")
	f.BoolVar(&fl.vault, "vault", false, "lint the running Vault that VAULT_ADDR, VAULT_TOKEN (or ~/.vault-token), VAULT_CACERT and VAULT_NAMESPACE point at, read-only; 'vaultguard policy' prints the policy it needs")
	f.BoolVar(&fl.reportUnused, "report-unused-ignores", false, "report ignore comments that suppress nothing (default on when CI=true)")
	return cmd
}

func usageError(format string, args ...any) error {
	return &ExitError{Code: ExitInternal, Err: fmt.Errorf(format, args...)}
}

type output struct {
	name      string
	formatter report.Formatter
	path      string // "" is stdout
}

func runLint(cmd *cobra.Command, streams IO, fl lintFlags, args []string) error {
	ctx := cmd.Context()
	changed := cmd.Flags().Changed

	cfgPath := fl.config
	if cfgPath == "" {
		cfgPath = config.Find(".")
	}
	cfg := &config.Config{Rules: map[string]config.RuleSetting{}, Thresholds: map[string]config.Value{}}
	if cfgPath != "" {
		var err error
		if cfg, err = config.Load(cfgPath); err != nil {
			return usageError("%v", err)
		}
	}

	failOnName := fl.failOn
	if !changed("fail-on") && cfg.FailOn != "" {
		failOnName = cfg.FailOn
	}
	failOn, err := report.ParseSeverity(failOnName)
	if err != nil {
		return usageError("fail-on: %v", err)
	}
	kind, err := vaultfile.ParseKind(fl.kind)
	if err != nil {
		return usageError("--kind: %v", err)
	}

	opts := lint.Options{Thresholds: lint.DefaultThresholds(), RuleDirs: append(cfg.RuleDirs, fl.rules...)}
	for _, name := range slices.Sorted(maps.Keys(cfg.Thresholds)) {
		v := cfg.Thresholds[name]
		if err := opts.Thresholds.SetThreshold(name, v.Raw); err != nil {
			return usageError("%s:%d:%d: %v", v.Range.Filename, v.Range.Start.Line, v.Range.Start.Column, err)
		}
	}
	for _, kv := range fl.thresholds {
		name, val, ok := strings.Cut(kv, "=")
		if !ok {
			return usageError("--threshold %q: want NAME=DURATION", kv)
		}
		if err := opts.Thresholds.SetThreshold(strings.TrimSpace(name), strings.TrimSpace(val)); err != nil {
			return usageError("--threshold: %v", err)
		}
	}
	opts.ReportUnusedIgnores = os.Getenv("CI") == "true"
	if cfg.ReportUnusedIgnores != nil {
		opts.ReportUnusedIgnores = *cfg.ReportUnusedIgnores
	}
	if changed("report-unused-ignores") {
		opts.ReportUnusedIgnores = fl.reportUnused
	}
	baselinePath := fl.baseline
	if baselinePath == "" && fl.writeBaseline == "" {
		baselinePath = cfg.Baseline
	}
	if baselinePath != "" {
		if opts.Baseline, err = lint.LoadBaseline(baselinePath); err != nil {
			return usageError("%v", err)
		}
	}

	outputs, err := parseOutputs(fl.formats, fl.output, streams.Out)
	if err != nil {
		return err
	}

	if err := applyRuleSettings(cfg, &opts); err != nil {
		return usageError("%v", err)
	}
	linter, err := lint.New(ctx, opts)
	var unknown *lint.UnknownRuleError
	if errors.As(err, &unknown) {
		if s, ok := cfg.Rules[unknown.Name]; ok {
			return usageError("%v", config.Errorf(s.Range, "Unknown rule", "%v", unknown))
		}
		return usageError("%v", err)
	}
	if err != nil {
		return &ExitError{Code: ExitInternal, Err: err}
	}

	var res *lint.Result
	if fl.vault && len(args) > 0 {
		return usageError("--vault lints the live Vault: give no PATH")
	} else if fl.vault {
		res, err = lintVault(ctx, streams, linter, fl.verbose)
	} else {
		res, err = linter.Run(ctx, lint.Target{Paths: args, Excludes: append(cfg.Exclude, fl.excludes...), Kind: kind, MaxFileSize: fl.maxFileSize})
	}
	if err != nil {
		return &ExitError{Code: ExitInternal, Err: err}
	}
	for _, s := range res.Skips {
		if fl.verbose || s.Explicit {
			fmt.Fprintf(streams.Err, "skipped %s: %s\n", s.File, s.Reason)
		}
	}
	if fl.writeBaseline != "" {
		b := lint.NewBaseline(res.Report.Findings)
		if err := b.Write(fl.writeBaseline); err != nil {
			return &ExitError{Code: ExitInternal, Err: err}
		}
		fmt.Fprintf(streams.Err, "wrote %d finding(s) to %s\n", len(b.Findings), fl.writeBaseline)
		return nil
	}
	for _, e := range res.Stale {
		fmt.Fprintf(streams.Err, "stale baseline entry: %s %s (%s) no longer occurs; rewrite the baseline with --write-baseline\n", e.RuleID, e.File, e.Message)
	}
	for _, o := range outputs {
		if err := writeOutput(o, streams.Out, res.Report); err != nil {
			return &ExitError{Code: ExitInternal, Err: err}
		}
	}
	if top, any := res.Report.Max(); any && top >= failOn {
		return &ExitError{Code: ExitFindings}
	}
	return nil
}

// applyRuleSettings turns the config's rule and category blocks into
// linter options; lint.New checks that the names exist.
func applyRuleSettings(cfg *config.Config, opts *lint.Options) error {
	for _, id := range cfg.SortedRuleKeys() {
		s := cfg.Rules[id]
		if s.Enabled != nil && !*s.Enabled {
			opts.Disabled = append(opts.Disabled, id)
		}
		if s.Severity != "" {
			sev, err := report.ParseSeverity(s.Severity)
			if err != nil || sev == report.SeverityNone {
				return config.Errorf(s.Range, "Invalid severity", "%q: want critical, high, medium, low or info", s.Severity)
			}
			if opts.Severity == nil {
				opts.Severity = map[string]report.Severity{}
			}
			opts.Severity[id] = sev
		}
	}
	return nil
}

func parseOutputs(specs []string, defaultPath string, stdout io.Writer) ([]output, error) {
	color := false
	if fh, ok := stdout.(*os.File); ok && isatty.IsTerminal(fh.Fd()) && os.Getenv("NO_COLOR") == "" {
		color = true
	}
	var outs []output
	toStdout := 0
	for _, spec := range specs {
		name, path, _ := strings.Cut(spec, "=")
		if path == "" {
			path = defaultPath
		}
		useColor := color && path == ""
		f, ok := report.Formatters(report.FormatOptions{Color: useColor})[name]
		if !ok {
			return nil, usageError("--format %q: want one of %s", name, strings.Join(report.FormatNames(), ", "))
		}
		if path == "" {
			toStdout++
		}
		outs = append(outs, output{name: name, formatter: f, path: path})
	}
	if toStdout > 1 {
		return nil, usageError("--format: only one format can go to stdout; give the others a file (FORMAT=FILE)")
	}
	return outs, nil
}

func writeOutput(o output, stdout io.Writer, r *report.Report) error {
	if o.path == "" {
		return o.formatter.Format(stdout, r)
	}
	fh, err := os.Create(o.path)
	if err != nil {
		return fmt.Errorf("write %s report: %w", o.name, err)
	}
	if err := o.formatter.Format(fh, r); err != nil {
		fh.Close()
		return fmt.Errorf("write %s report: %w", o.name, err)
	}
	return fh.Close()
}

// lintGC sets the collector for a lint run, unless GOGC or GOMEMLIMIT is
// set. A run is short, and most of what it allocates is the input it keeps
// to the end, so collecting early only re-scans live data, and on two
// cores the background mark worker takes a good part of one: on 5,000
// policies the collector cost about a fifth of the run. So nothing is
// collected until the heap first reaches lintHeapHeadroom; that first
// collection then restores normal pacing (GOGC=200), so a huge input grows
// to three times its live heap at most, never without bound. A pre-commit
// run or a repository of a few thousand files never collects at all. The
// audit commands, which stream, keep Go's defaults.
func lintGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(heapHeadroom(containerMemoryLimit()))
	// The sentinel dies at once; its finalizer runs after the first
	// collection, whatever triggered it. (Pointerful and 16 bytes, so the
	// tiny allocator, whose objects may never be finalized, is not used.)
	sentinel := &struct{ a, b *int }{}
	runtime.SetFinalizer(sentinel, func(*struct{ a, b *int }) {
		debug.SetGCPercent(lintGCPercent)
		debug.SetMemoryLimit(math.MaxInt64)
	})
}

const (
	lintHeapHeadroom = 256 << 20
	lintGCPercent    = 200
)

// heapHeadroom is lintHeapHeadroom, or half the container's memory when
// that is less: a CI pod limited to 256 MiB must not be killed for a heap
// the collector would have kept small.
func heapHeadroom(containerLimit int64) int64 {
	if containerLimit > 0 && containerLimit/2 < lintHeapHeadroom {
		return containerLimit / 2
	}
	return lintHeapHeadroom
}

// containerMemoryLimit reads the cgroup memory limit (v2, then v1); 0 when
// there is none or it cannot be read.
func containerMemoryLimit() int64 {
	for _, f := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
		if err != nil || n <= 0 || n >= 1<<60 { // "max", or v1's "unlimited" sentinel
			return 0
		}
		return n
	}
	return 0
}
