package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/vaultguard/vaultguard/auditlog/forward"
	"github.com/vaultguard/vaultguard/auditlog/sink"
)

func newAuditWatchCommand(streams IO) *cobra.Command {
	var df detectFlags
	var (
		follow                     bool
		listen                     string
		events, alerts             string
		eventsFormat, alertsFormat string
		checkpoint                 string
		spoolDir                   string
		spoolMiB                   int
		batch                      int
		flushEvery                 time.Duration
		quiet                      bool
		tlsOpts                    sink.TLSOptions
	)
	cmd := &cobra.Command{
		Use:   "watch [LOG...]",
		Short: "Evaluate detectors continuously and forward events and alerts to a SIEM",
		Long: `Read audit entries from log files (--follow to keep reading), stdin, or a
socket (--listen tcp://127.0.0.1:9090, udp://..., unix:///path) acting as the
receiving end of Vault's socket audit device; join, de-duplicate and redact
them, run the detectors, and send alerts (--alerts) and/or every event
(--events) to sinks:

  -  or stdout                    one item per line
  udp://host:514 tcp://host:601 tls://host:6514   syslog RFC 5424
  hec+https://splunk:8088/services/collector      Splunk HEC ($VAULTGUARD_HEC_TOKEN)
  bulk+https://es:9200/logs-vault/_bulk           Elasticsearch _bulk ($VAULTGUARD_ES_API_KEY)

Formats (--events-format, --alerts-format): json, ecs or cef.
From files delivery is at least once: with --checkpoint the position of
each file is saved only after the sinks acknowledged, and a restart
resumes there; a down sink makes the reader wait. A socket never blocks
Vault: entries spill to a bounded on-disk spool (--spool-dir) and are
dropped, and counted, only when it is full.`,
		Example: `  vaultguard audit watch --follow /var/log/vault/audit.log --checkpoint /var/lib/vaultguard/cp.json \
      --alerts tls://siem:6514 --alerts-format cef
  vaultguard audit watch --listen tcp://127.0.0.1:9090 --events bulk+http://127.0.0.1:9200/logs-vault/_bulk --events-format ecs --alerts -`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if listen != "" && len(args) > 0 {
				return usageErr(errors.New("give either --listen or log files, not both"))
			}
			if events == "" && alerts == "" {
				alerts = "-"
			}
			cfg := forward.Config{BatchSize: batch, FlushEvery: flushEvery, Checkpoint: checkpoint}
			tlsConf, err := tlsOpts.Config()
			if err != nil {
				return usageErr(err)
			}
			var sinks []sink.Sink
			defer func() {
				for _, s := range sinks {
					_ = s.Close()
				}
			}()
			open := func(to, format string) (*forward.Output, error) {
				if to == "" {
					return nil, nil
				}
				f, err := sink.ParseFormat(format)
				if err != nil {
					return nil, usageErr(err)
				}
				s, err := sink.Open(to, streams.Out, tlsConf)
				if err != nil {
					return nil, usageErr(err)
				}
				sinks = append(sinks, s)
				return &forward.Output{Sink: s, Format: f}, nil
			}
			if cfg.Events, err = open(events, eventsFormat); err != nil {
				return err
			}
			if cfg.Alerts, err = open(alerts, alertsFormat); err != nil {
				return err
			}
			if cfg.Alerts != nil {
				eng, store, err := df.engine()
				if err != nil {
					return err
				}
				defer store.Close()
				cfg.Engine = eng
			}
			switch {
			case listen != "":
				sp, err := forward.NewSpool(spoolDir, 4096, int64(spoolMiB)<<20)
				if err != nil {
					return usageErr(err)
				}
				l := &forward.Listener{URL: listen, Spool: sp, Ready: make(chan struct{})}
				cfg.Sources = []forward.Source{l}
				go func() {
					<-l.Ready
					if !quiet {
						fmt.Fprintf(streams.Err, "listening on %s\n", l.Addr.Load())
					}
				}()
				defer func() {
					if d := sp.Dropped.Load(); d > 0 || !quiet {
						fmt.Fprintf(streams.Err, "socket: %d connections, %d entries spilled to disk, %d dropped (spool full)\n", l.Conns.Load(), sp.Spilled.Load(), d)
					}
				}()
			case len(args) == 0 || (len(args) == 1 && args[0] == "-"):
				cfg.Sources = []forward.Source{&forward.ReaderSource{Label: "-", R: streams.In}}
			default:
				for _, a := range args {
					cfg.Sources = append(cfg.Sources, &forward.FileSource{Path: a, Follow: follow})
				}
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			fw := forward.New(cfg)
			err = fw.Run(ctx)
			if !quiet {
				st := fw.Stats
				retries := st.SendErrors
				for _, s := range sinks {
					if h, ok := s.(*sink.HTTP); ok {
						retries += h.Retries
					}
				}
				fmt.Fprintf(streams.Err, "watch: %d lines, %d malformed, %d requests, %d alerts, %d batches acknowledged, %d sends retried, %d duplicates dropped\n",
					st.Lines, st.Malformed, st.Events, st.Alerts, st.Batches, retries, st.Duplicates)
			}
			if err != nil && !errors.Is(err, context.Canceled) {
				return &ExitError{Code: ExitInternal, Err: err}
			}
			return nil
		},
	}
	df.register(cmd)
	fl := cmd.Flags()
	fl.BoolVar(&follow, "follow", false, "keep reading the log files as they grow (rotation and truncation are followed)")
	fl.StringVar(&listen, "listen", "", "receive Vault's socket audit device: tcp://HOST:PORT, udp://HOST:PORT or unix:///PATH")
	fl.StringVar(&events, "events", "", "send every (joined, de-duplicated, redacted) event to this sink")
	fl.StringVar(&alerts, "alerts", "", "send alerts to this sink (default: stdout when --events is not given)")
	fl.StringVar(&eventsFormat, "events-format", "ecs", "event format: json, ecs or cef")
	fl.StringVar(&alertsFormat, "alerts-format", "json", "alert format: json, ecs or cef")
	fl.StringVar(&checkpoint, "checkpoint", "", "file recording each log file's acknowledged position; a restart resumes there")
	fl.StringVar(&tlsOpts.CAFile, "ca-file", "", "PEM CA certificates to trust, besides the system's, for tls:// and https:// sinks")
	fl.StringVar(&tlsOpts.CertFile, "client-cert", "", "PEM client certificate for tls:// and https:// sinks (with --client-key)")
	fl.StringVar(&tlsOpts.KeyFile, "client-key", "", "PEM key of --client-cert")
	fl.StringVar(&spoolDir, "spool-dir", os.TempDir(), "directory for the on-disk spool of a --listen socket")
	fl.IntVar(&spoolMiB, "spool-max-mib", 256, "largest on-disk spool, in MiB; beyond it entries are dropped and counted")
	fl.IntVar(&batch, "batch", 500, "most items per sink request")
	fl.DurationVar(&flushEvery, "flush", time.Second, "send a partial batch after this long")
	fl.BoolVarP(&quiet, "quiet", "q", false, "no summary on stderr")
	return cmd
}
