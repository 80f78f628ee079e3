package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"time"

	vault "github.com/hashicorp/vault/api"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/vaultguard/vaultguard/auditlog"
	report "github.com/vaultguard/vaultguard/report/audit"
)

func newAuditCommand(streams IO) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "audit",
		Short: "Analyse Vault audit logs: who read a secret, what an identity did, access reports",
		Long: `Analyse HashiCorp Vault audit logs (file, socket and syslog devices; JSON lines or
pretty-printed; .gz and .zst; directories, globs and rotated sets; stdin when no
log is given). Raw secrets in logs written with log_raw=true are never printed.`,
	}
	cmd.AddCommand(
		newAuditWhoReadCommand(streams),
		newAuditWhoDidCommand(streams),
		newAuditReportCommand(streams),
		newAuditHashCommand(streams),
		newAuditAlertsCommand(streams), newAuditWatchCommand(streams),
	)
	return cmd
}

// auditFlags are the flags every log-reading audit command shares.
type auditFlags struct {
	since, until string
	format       string
	follow       bool
	prefix       string
	workers      int
	maxEntryMiB  int
	quiet        bool
}

func (f *auditFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.since, "since", "", "only requests at or after this time: RFC3339, a date, or a duration ago (90d, 12h)")
	fl.StringVar(&f.until, "until", "", "only requests at or before this time (same forms as --since)")
	fl.StringVar(&f.format, "format", "table", "output format: table, json, ndjson or csv")
	fl.BoolVar(&f.follow, "follow", false, "keep reading the log as it grows (survives rotation and truncation); Ctrl-C to stop")
	fl.StringVar(&f.prefix, "prefix", "", "the audit device's prefix option, if it contains '{'")
	fl.IntVar(&f.workers, "workers", 0, "decoding goroutines (default: number of CPUs)")
	fl.IntVar(&f.maxEntryMiB, "max-entry-mib", 16, "longest audit entry accepted, in MiB; longer ones are counted as malformed")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "no summary and no progress bar on stderr")
}

// build turns flags and log arguments into a run.
func (f *auditFlags) build(streams IO, logs []string) (*auditlog.Run, report.Format, error) {
	format, err := report.ParseFormat(f.format)
	if err != nil {
		return nil, "", usageErr(err)
	}
	now := time.Now()
	since, err := auditlog.ParseTimeBound(f.since, now)
	if err != nil {
		return nil, "", usageErr(fmt.Errorf("--since: %w", err))
	}
	until, err := auditlog.ParseTimeBound(f.until, now)
	if err != nil {
		return nil, "", usageErr(fmt.Errorf("--until: %w", err))
	}
	inputs, err := auditlog.ExpandInputs(logs, streams.In)
	if err != nil {
		return nil, "", usageErr(err)
	}
	if f.follow && (len(inputs) != 1) {
		return nil, "", usageErr(errors.New("--follow takes exactly one log file (or stdin)"))
	}
	run := &auditlog.Run{
		Inputs: inputs,
		Since:  since,
		Until:  until,
		Scan: auditlog.Options{
			Workers:       f.workers,
			Prefix:        f.prefix,
			Follow:        f.follow && inputs[0].Path != "-",
			MaxEntryBytes: f.maxEntryMiB << 20,
		},
	}
	return run, format, nil
}

// progress attaches a progress bar on stderr when stderr is a terminal and
// the run is not quiet; it returns a function that removes it.
func (f *auditFlags) progress(streams IO, run *auditlog.Run) func() {
	file, ok := streams.Err.(*os.File)
	if f.quiet || f.follow || !ok || !term.IsTerminal(int(file.Fd())) {
		return func() {}
	}
	var total int64
	for _, in := range run.Inputs {
		if in.Path == "-" || in.Size == 0 {
			total = -1
			break
		}
		total += in.Size
	}
	bar := progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(file),
		progressbar.OptionSetDescription("reading audit log"),
		progressbar.OptionShowBytes(true),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(30),
	)
	run.Scan.Progress = func(n int64) { _ = bar.Add64(n) }
	// Lines are counted by the consuming goroutine; the description shows
	// the running total and rate next to the bar's bytes/s and ETA.
	var lines atomic.Int64
	start := time.Now()
	var lastDescribe atomic.Int64
	run.Scan.LineProgress = func(n int64) {
		total := lines.Add(n)
		now := time.Now()
		if now.UnixNano()-lastDescribe.Load() < int64(250*time.Millisecond) {
			return
		}
		lastDescribe.Store(now.UnixNano())
		rate := float64(total) / max(now.Sub(start).Seconds(), 0.001)
		bar.Describe(fmt.Sprintf("reading audit log: %s lines, %s lines/s", humanCount(float64(total)), humanCount(rate)))
	}
	return func() { _ = bar.Finish() }
}

func (f *auditFlags) finish(streams IO, sum *report.Summary, err error) error {
	if sum != nil && !f.quiet {
		_ = report.WriteSummary(streams.Err, sum)
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(streams.Err, "interrupted: the output above covers what was read")
		return &ExitError{Code: ExitInternal}
	}
	if err != nil {
		return &ExitError{Code: ExitInternal, Err: err}
	}
	return nil
}

func usageErr(err error) error { return &ExitError{Code: ExitInternal, Err: err} }

func newAuditWhoReadCommand(streams IO) *cobra.Command {
	var af auditFlags
	var ops string
	cmd := &cobra.Command{
		Use:   "who-read PATH [LOG...]",
		Short: "Every access to a secret path: who, from where, with which token, allowed or denied",
		Long: `who-read lists every request to PATH. PATH is the secret path as you would name it
(secret/payments/stripe also matches the KV v2 API paths secret/data/..., secret/metadata/...,
secret/delete|undelete|destroy/... and KV v1), an API path, or a Vault ACL-style pattern
('*' matches anything including '/', '+' one segment): secret/payments/*.
By default only reads are listed (KV reads, database/creds, transit decrypt); --op widens.
Denied attempts are listed and marked.`,
		Example: `  vaultguard audit who-read secret/payments/stripe /var/log/vault/audit.log*
  vaultguard audit who-read 'secret/payments/*' --since 90d --format json audit.log.gz
  zcat audit-*.gz | vaultguard audit who-read database/creds/billing --op all`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			q, err := auditlog.ParsePathQuery(args[0])
			if err != nil {
				return usageErr(err)
			}
			opf, err := auditlog.ParseOps(ops)
			if err != nil {
				return usageErr(err)
			}
			run, format, err := af.build(streams, args[1:])
			if err != nil {
				return err
			}
			w, err := report.NewRecordWriter(format, streams.Out)
			if err != nil {
				return usageErr(err)
			}
			done := af.progress(streams, run)
			sum, err := auditlog.WhoRead(cmd.Context(), run, q, opf, w.WriteRecord)
			done()
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			return af.finish(streams, sum, err)
		},
	}
	af.register(cmd)
	cmd.Flags().StringVar(&ops, "op", "read", "operations to list: read (default), all, or a comma list (read,list,create,update,patch,delete,write)")
	return cmd
}

func newAuditWhoDidCommand(streams IO) *cobra.Command {
	var af auditFlags
	var ops, path, token, accessor, device string
	cmd := &cobra.Command{
		Use:   "who-did [IDENTITY] [LOG...]",
		Short: "Everything one identity did: by display name, user or role name, entity id, accessor or token",
		Long: `who-did lists every request made by one identity. IDENTITY is a display name
(userpass-carol), a user or role name from the token's metadata (carol, billing-api), an
entity id, an accessor, or an hmac-sha256 value as the log holds it.
With --token or --accessor the value is searched instead of IDENTITY; add --vault DEVICE to
have the live Vault HMAC it with that audit device's key first (sys/audit-hash), so an
HMAC'd log can be searched without it ever holding the token; the request that created the
token is listed too. Use --token - to read the token from stdin so it stays out of shell
history. Tokens are matched, never printed.`,
		Example: `  vaultguard audit who-did userpass-carol audit.log
  vaultguard audit who-did billing-api --since 24h --format ndjson /var/log/vault/
  echo "$LEAKED" | vaultguard audit who-did --token - --vault file/ audit.log`,
		RunE: func(cmd *cobra.Command, args []string) error {
			value := ""
			switch {
			case token != "" || accessor != "":
				v := token
				if v == "" {
					v = accessor
				}
				if v == "-" {
					line, err := readSecretLine(streams.In)
					if err != nil {
						return usageErr(err)
					}
					v = line
				}
				if device != "" {
					h, err := auditHash(cmd.Context(), device, v)
					if err != nil {
						return &ExitError{Code: ExitInternal, Err: err}
					}
					v = h
				}
				value = v
			case len(args) > 0:
				value, args = args[0], args[1:]
			default:
				return usageErr(errors.New("who-did needs an IDENTITY, --token or --accessor"))
			}
			opf, err := auditlog.ParseOps(ops)
			if err != nil {
				return usageErr(err)
			}
			var pq *auditlog.PathQuery
			if path != "" {
				if pq, err = auditlog.ParsePathQuery(path); err != nil {
					return usageErr(err)
				}
			}
			run, format, err := af.build(streams, args)
			if err != nil {
				return err
			}
			w, err := report.NewRecordWriter(format, streams.Out)
			if err != nil {
				return usageErr(err)
			}
			done := af.progress(streams, run)
			sum, err := auditlog.WhoDid(cmd.Context(), run, auditlog.IdentityQuery{Value: value}, opf, pq, w.WriteRecord)
			done()
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			return af.finish(streams, sum, err)
		},
	}
	af.register(cmd)
	fl := cmd.Flags()
	fl.StringVar(&ops, "op", "all", "operations to list: all (default), read, or a comma list")
	fl.StringVar(&path, "path", "", "only requests to paths matching this (same forms as who-read)")
	fl.StringVar(&token, "token", "", "search for this client token ('-': read it from stdin)")
	fl.StringVar(&accessor, "accessor", "", "search for this token accessor ('-': read it from stdin)")
	fl.StringVar(&device, "vault", "", "HMAC --token/--accessor with this audit device of the live Vault (VAULT_ADDR, VAULT_TOKEN)")
	return cmd
}

func newAuditReportCommand(streams IO) *cobra.Command {
	var af auditFlags
	var top int
	cmd := &cobra.Command{
		Use:   "report [LOG...]",
		Short: "Access report: top paths and identities, who touched each secret, sources, denials, mounts, dynamic credentials",
		Example: `  vaultguard audit report --since 7d /var/log/vault/audit.log*
  vaultguard audit report --top 25 --format json audit.log.zst`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if af.follow {
				return usageErr(errors.New("report does not take --follow: it prints once the input ends"))
			}
			run, format, err := af.build(streams, args)
			if err != nil {
				return err
			}
			done := af.progress(streams, run)
			rep, sum, err := auditlog.BuildReport(cmd.Context(), run, top)
			done()
			if err == nil || errors.Is(err, context.Canceled) {
				if werr := report.WriteReport(format, streams.Out, rep); werr != nil && err == nil {
					err = werr
				}
			}
			return af.finish(streams, sum, err)
		},
	}
	af.register(cmd)
	cmd.Flags().IntVar(&top, "top", 10, "rows per table")
	return cmd
}

func newAuditHashCommand(streams IO) *cobra.Command {
	var device string
	cmd := &cobra.Command{
		Use:   "hash --vault DEVICE VALUE",
		Short: "HMAC a token or accessor with an audit device's key (sys/audit-hash), to search an HMAC'd log",
		Long: `hash asks the live Vault (VAULT_ADDR, VAULT_TOKEN; the token needs update on
sys/audit-hash/DEVICE) for the HMAC its audit device DEVICE writes for VALUE. Each device
has its own key, so hash with the device whose log you search. VALUE '-' reads it from
stdin, which keeps a token out of shell history.`,
		Example: `  vaultguard audit hash --vault file/ -  <<< "$TOKEN"
  vaultguard audit who-did "$(vaultguard audit hash --vault file/ "$ACCESSOR")" audit.log`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if device == "" {
				return usageErr(errors.New("--vault DEVICE is required (the audit device path, e.g. file/)"))
			}
			v := args[0]
			if v == "-" {
				line, err := readSecretLine(streams.In)
				if err != nil {
					return usageErr(err)
				}
				v = line
			}
			h, err := auditHash(cmd.Context(), device, v)
			if err != nil {
				return &ExitError{Code: ExitInternal, Err: err}
			}
			fmt.Fprintln(streams.Out, h)
			return nil
		},
	}
	cmd.Flags().StringVar(&device, "vault", "", "audit device path in the live Vault, e.g. file/")
	return cmd
}

func readSecretLine(r io.Reader) (string, error) {
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read value from stdin: %w", err)
	}
	line = strings.TrimSpace(line)
	if line == "" {
		return "", errors.New("read value from stdin: empty")
	}
	return line, nil
}

// auditHash asks Vault for the HMAC DEVICE would log for value.
func auditHash(ctx context.Context, device, value string) (string, error) {
	client, err := vault.NewClient(vault.DefaultConfig())
	if err != nil {
		return "", fmt.Errorf("vault client: %w", err)
	}
	h, err := client.Sys().AuditHashWithContext(ctx, strings.Trim(device, "/"), value)
	if err != nil {
		return "", fmt.Errorf("sys/audit-hash/%s: %w", strings.Trim(device, "/"), err)
	}
	return h, nil
}

// humanCount renders 1234567 as 1.2M for the progress line.
func humanCount(v float64) string {
	switch {
	case v >= 1e9:
		return fmt.Sprintf("%.1fG", v/1e9)
	case v >= 1e6:
		return fmt.Sprintf("%.1fM", v/1e6)
	case v >= 1e3:
		return fmt.Sprintf("%.1fk", v/1e3)
	}
	return fmt.Sprintf("%.0f", v)
}
