package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/vaultguard/vaultguard/auditlog"
	"github.com/vaultguard/vaultguard/auditlog/detect"
	"github.com/vaultguard/vaultguard/auditlog/sink"
)

// detectFlags are the flags of the commands that run detectors.
type detectFlags struct {
	config string
	state  string
}

func (f *detectFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.config, "detectors", "", "JSON file with detector thresholds, windows and business hours (keys absent keep their defaults; see `audit alerts --list-config`)")
	fl.StringVar(&f.state, "state", "", "bbolt file keeping what the learning detectors have seen across runs (default: in memory for this run)")
}

// engine builds the detector engine and its learning store.
func (f *detectFlags) engine() (*detect.Engine, detect.Store, error) {
	cfg := detect.Defaults()
	if f.config != "" {
		b, err := os.ReadFile(f.config)
		if err != nil {
			return nil, nil, usageErr(fmt.Errorf("--detectors: %w", err))
		}
		if cfg, err = detect.ParseConfig(b); err != nil {
			return nil, nil, usageErr(fmt.Errorf("--detectors %s: %w", f.config, err))
		}
	}
	var store detect.Store
	if f.state != "" {
		s, err := detect.OpenBoltStore(f.state, cfg.MaxKeys)
		if err != nil {
			return nil, nil, usageErr(err)
		}
		store = s
	} else {
		store = detect.NewMemStore(cfg.MaxKeys)
	}
	eng, err := detect.New(cfg, store)
	if err != nil {
		_ = store.Close()
		return nil, nil, usageErr(err)
	}
	return eng, store, nil
}

func newAuditAlertsCommand(streams IO) *cobra.Command {
	var af auditFlags
	var df detectFlags
	var list, listConfig bool
	cmd := &cobra.Command{
		Use:   "alerts [LOG...]",
		Short: "Run the anomaly detectors over audit logs and print the alerts",
		Long: `Run vaultguard's detectors (root token use, audit/policy/mount/role changes,
sys/raw, transit key changes, mass lease revocation, permission-denied and
login-failure bursts, read fan-out, new source addresses, off-hours logins,
long-lived tokens, first reads) over audit logs and print one alert per
detection. --format table, json, ndjson, ecs or cef.`,
		Example: `  vaultguard audit alerts /var/log/vault/audit.log*
  vaultguard audit alerts --format ecs --state ~/.vaultguard/learn.db audit.log
  vaultguard audit alerts --list`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if list {
				return writeCatalog(streams.Out)
			}
			if listConfig {
				enc := json.NewEncoder(streams.Out)
				enc.SetIndent("", "  ")
				return enc.Encode(detect.Defaults())
			}
			format := strings.ToLower(af.format)
			af.format = "json" // validated below, not by the record formats
			if format == "csv" {
				return usageErr(errors.New("--format: alerts are table, json, ndjson, ecs or cef"))
			}
			var enc sink.Format
			switch format {
			case "table", "json":
			case "ndjson":
				enc = sink.FormatJSON
			default:
				f, err := sink.ParseFormat(format)
				if err != nil {
					return usageErr(fmt.Errorf("--format: %w", err))
				}
				enc = f
			}
			run, _, err := af.build(streams, args)
			if err != nil {
				return err
			}
			eng, store, err := df.engine()
			if err != nil {
				return err
			}
			defer store.Close()
			var alerts []detect.Alert
			done := af.progress(streams, run)
			sum, err := run.Each(cmd.Context(), func(j *auditlog.Joined, red *auditlog.Redactor) error {
				ev := detect.FromJoined(j, red)
				return eng.Observe(&ev, func(a detect.Alert) error {
					if enc != "" {
						b, err := sink.Encode(enc, sink.Item{Alert: &a})
						if err != nil {
							return err
						}
						_, err = fmt.Fprintf(streams.Out, "%s\n", b)
						return err
					}
					alerts = append(alerts, a)
					return nil
				})
			})
			done()
			if err == nil || errors.Is(err, context.Canceled) {
				var werr error
				switch format {
				case "table":
					werr = writeAlertTable(streams.Out, alerts)
				case "json":
					if alerts == nil {
						alerts = []detect.Alert{}
					}
					e := json.NewEncoder(streams.Out)
					e.SetIndent("", "  ")
					werr = e.Encode(alerts)
				}
				if werr != nil && err == nil {
					err = werr
				}
			}
			if !af.quiet && sum != nil {
				fmt.Fprintf(streams.Err, "alerts: %d from %d requests", sumAlerts(eng.Stats.Alerts), eng.Stats.Events)
				if ev := eng.Evicted(); ev > 0 {
					fmt.Fprintf(streams.Err, " (%d detector keys evicted to stay bounded)", ev)
				}
				fmt.Fprintln(streams.Err)
			}
			return af.finish(streams, sum, err)
		},
	}
	af.register(cmd)
	df.register(cmd)
	cmd.Flags().Lookup("format").Usage = "output format: table, json, ndjson, ecs or cef"
	cmd.Flags().BoolVar(&list, "list", false, "list the detectors and exit")
	cmd.Flags().BoolVar(&listConfig, "list-config", false, "print the default detector configuration (JSON) and exit")
	return cmd
}

func sumAlerts(m map[string]int64) int64 {
	var n int64
	for _, v := range m {
		n += v
	}
	return n
}

func writeCatalog(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tSEVERITY\tTITLE")
	for _, d := range detect.Catalog {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", d.ID, d.Name, d.Severity, d.Title)
	}
	return tw.Flush()
}

func writeAlertTable(w io.Writer, alerts []detect.Alert) error {
	if len(alerts) == 0 {
		_, err := fmt.Fprintln(w, "no alerts")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TIME\tID\tSEVERITY\tALERT")
	for _, a := range alerts {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", a.Time.UTC().Format("2006-01-02T15:04:05Z"), a.ID, a.Severity, a.Description)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	counts := map[string]int{}
	for _, a := range alerts {
		counts[a.ID+" "+a.Name]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintln(w)
	for _, k := range keys {
		fmt.Fprintf(w, "%5d  %s\n", counts[k], k)
	}
	return nil
}
