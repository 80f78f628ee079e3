package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/vaultguard/vaultguard/lint"
	"github.com/vaultguard/vaultguard/lint/source/vaultfile"
	"github.com/vaultguard/vaultguard/report"
)

type lintFlags struct {
	format   string
	failOn   string
	kind     string
	excludes []string
	rules    []string
	verbose  bool
	output   string
	defTTL   string
	maxTTL   string
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

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it,
2 usage or internal error.`,
		Example: `  vaultguard lint ./examples
  vaultguard lint --format sarif --fail-on high policies/ > vaultguard.sarif
  vaultguard lint --kind policy payments.hcl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLint(cmd, streams, fl, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&fl.format, "format", "f", "table", "output format: "+strings.Join(report.FormatNames(), "|"))
	f.StringVar(&fl.failOn, "fail-on", "low", "exit 1 when a finding is at or above this severity: critical|high|medium|low|info|none")
	f.StringVar(&fl.kind, "kind", "", "force the kind of named files: policy|server-config")
	f.StringArrayVar(&fl.excludes, "exclude", nil, "skip paths matching this glob (** allowed; repeatable)")
	f.StringArrayVar(&fl.rules, "rules", nil, "directory of extra Rego rules (repeatable)")
	f.BoolVarP(&fl.verbose, "verbose", "v", false, "list skipped files and why")
	f.StringVarP(&fl.output, "output", "o", "", "write the report to this file instead of stdout")
	f.StringVar(&fl.defTTL, "max-default-lease-ttl", "1h", "longest acceptable default_lease_ttl")
	f.StringVar(&fl.maxTTL, "max-max-lease-ttl", "24h", "longest acceptable max_lease_ttl")
	return cmd
}

func usageError(format string, args ...any) error {
	return &ExitError{Code: ExitInternal, Err: fmt.Errorf(format, args...)}
}

func runLint(cmd *cobra.Command, streams IO, fl lintFlags, args []string) error {
	ctx := cmd.Context()
	failOn, err := report.ParseSeverity(fl.failOn)
	if err != nil {
		return usageError("--fail-on: %v", err)
	}
	kind, err := vaultfile.ParseKind(fl.kind)
	if err != nil {
		return usageError("--kind: %v", err)
	}
	th := lint.DefaultThresholds()
	if th.DefaultLeaseTTL, err = parseTTLFlag("max-default-lease-ttl", fl.defTTL); err != nil {
		return err
	}
	if th.MaxLeaseTTL, err = parseTTLFlag("max-max-lease-ttl", fl.maxTTL); err != nil {
		return err
	}
	var out io.Writer = streams.Out
	color := false
	if fl.output != "" {
		fh, err := os.Create(fl.output)
		if err != nil {
			return usageError("--output: %v", err)
		}
		defer fh.Close()
		out = fh
	} else if fh, ok := streams.Out.(*os.File); ok && isatty.IsTerminal(fh.Fd()) && os.Getenv("NO_COLOR") == "" {
		color = true
	}
	formatter, ok := report.Formatters(report.FormatOptions{Color: color})[fl.format]
	if !ok {
		return usageError("--format %q: want one of %s", fl.format, strings.Join(report.FormatNames(), ", "))
	}
	linter, err := lint.New(ctx, lint.Options{Thresholds: th, RuleDirs: fl.rules})
	if err != nil {
		return &ExitError{Code: ExitInternal, Err: err}
	}
	res, err := linter.Run(ctx, lint.Target{Paths: args, Excludes: fl.excludes, Kind: kind})
	if err != nil {
		return &ExitError{Code: ExitInternal, Err: err}
	}
	for _, s := range res.Skips {
		if fl.verbose || s.Explicit {
			fmt.Fprintf(streams.Err, "skipped %s: %s\n", s.File, s.Reason)
		}
	}
	if err := formatter.Format(out, res.Report); err != nil {
		return &ExitError{Code: ExitInternal, Err: fmt.Errorf("write report: %w", err)}
	}
	if top, any := res.Report.Max(); any && top >= failOn {
		return &ExitError{Code: ExitFindings}
	}
	return nil
}

func parseTTLFlag(name, v string) (int64, error) {
	secs, ok := modelSeconds(v)
	if !ok || secs <= 0 {
		return 0, usageError("--%s %q: want a duration such as 1h, 90m or 3600", name, v)
	}
	return secs, nil
}
