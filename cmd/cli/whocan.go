package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/vaultguard/vaultguard/lint"
	"github.com/vaultguard/vaultguard/lint/acl"
	"github.com/vaultguard/vaultguard/lint/source/vaultfile"
)

type whoCanFlags struct {
	op     string
	kvV2   []string
	format string
	kind   string
	vault  bool
}

func newWhoCanCommand(streams IO) *cobra.Command {
	var fl whoCanFlags
	cmd := &cobra.Command{
		Use:   "who-can [--op read] PATH [SOURCE...]",
		Short: "List the policies that allow an operation on a path, and who holds them",
		Long: `List the policies that allow an operation on a Vault path, evaluated as
Vault does (exact paths, globs, + segments, priority, deny), and the roles,
users and groups that hold each policy. A holder whose other policies
override the grant is marked as not effective.

On a KV version 2 mount a logical path is rewritten to the API path the
policy must match: with --kv-v2 secret/, reading secret/payments/stripe
means secret/data/payments/stripe. Mounts the sources declare as KV v2 are
rewritten too.`,
		Example: `  vaultguard who-can --op read secret/payments/stripe examples/
  vaultguard who-can --kv-v2 secret/ --format json secret/payments/stripe policies/ terraform/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runWhoCan(cmd, streams, fl, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.op, "op", "read", "operation: read|list|create|update|patch|delete|sudo|recover|subscribe")
	f.StringArrayVar(&fl.kvV2, "kv-v2", nil, "treat this mount as KV version 2 (repeatable)")
	f.StringVarP(&fl.format, "format", "f", "table", "output format: table|json")
	f.StringVar(&fl.kind, "kind", "", "force the kind of named files: policy|server-config")
	f.BoolVar(&fl.vault, "vault", false, "read policies and roles from the running Vault (VAULT_ADDR, VAULT_TOKEN...) instead of files")
	return cmd
}

// whoCanGrant is one JSON result.
type whoCanGrant struct {
	Policy       string         `json:"policy"`
	Path         string         `json:"path"`
	PathPattern  string         `json:"path_pattern"`
	Capabilities []string       `json:"capabilities"`
	Source       *whoCanSource  `json:"source,omitempty"`
	Everyone     bool           `json:"everyone,omitempty"`
	Holders      []whoCanHolder `json:"holders"`
}

type whoCanHolder struct {
	Kind      string       `json:"kind"`
	Name      string       `json:"name"`
	Source    whoCanSource `json:"source"`
	Effective bool         `json:"effective"`
	Reason    string       `json:"reason,omitempty"`
	Missing   []string     `json:"missing_policies,omitempty"`
}

type whoCanSource struct {
	File string `json:"file"`
	Line int    `json:"line"`
}

func runWhoCan(cmd *cobra.Command, streams IO, fl whoCanFlags, args []string) error {
	if fl.format != "table" && fl.format != "json" {
		return usageError("--format: want table or json, got %q", fl.format)
	}
	kind, err := vaultfile.ParseKind(fl.kind)
	if err != nil {
		return usageError("--kind: %v", err)
	}
	sources := args[1:]
	if len(sources) == 0 {
		sources = []string{"."}
	}
	loaded := &lint.Loaded{}
	if fl.vault && len(args) > 1 {
		return usageError("who-can --vault reads the live Vault: give no SOURCE")
	} else if fl.vault {
		loaded.Input, err = readVaultInput(cmd.Context(), streams)
	} else {
		loaded, err = lint.Load(cmd.Context(), lint.Target{Paths: sources, Kind: kind})
	}
	if err != nil {
		return &ExitError{Code: ExitInternal, Err: fmt.Errorf("who-can: load sources: %w", err)}
	}
	for _, pe := range loaded.ParseErrors {
		fmt.Fprintf(streams.Err, "warning: %s:%d: %s (file left out)\n", pe.Range.File, pe.Range.Start.Line, pe.Message)
	}
	res, err := acl.WhoCan(loaded.Input, args[0], fl.op, acl.WhoCanOptions{KVv2Mounts: fl.kvV2})
	if err != nil {
		return usageError("who-can: %v", err)
	}
	grants := whoCanJSON(res)
	if fl.format == "json" {
		enc := json.NewEncoder(streams.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(grants); err != nil {
			return fmt.Errorf("who-can: write json: %w", err)
		}
		return nil
	}
	return writeWhoCanTable(streams.Out, res, grants)
}

func whoCanJSON(res *acl.WhoCanResult) []whoCanGrant {
	out := make([]whoCanGrant, 0, len(res.Grants))
	for _, g := range res.Grants {
		wg := whoCanGrant{Policy: g.Policy.Name, Path: res.Path, PathPattern: g.Decision.Pattern, Capabilities: g.Decision.Capabilities, Everyone: g.Everyone, Holders: []whoCanHolder{}}
		if len(g.Decision.Deciding) > 0 && g.Decision.Deciding[0].Rule != nil && g.Decision.Deciding[0].Rule.Range.File != "" {
			r := g.Decision.Deciding[0].Rule.Range
			wg.Source = &whoCanSource{File: r.File, Line: r.Start.Line}
		}
		for _, h := range g.Holders {
			wg.Holders = append(wg.Holders, whoCanHolder{
				Kind: h.Kind, Name: h.Name, Source: whoCanSource{File: h.Range.File, Line: h.Range.Start.Line},
				Effective: h.Effective, Reason: h.Reason, Missing: h.Missing,
			})
		}
		out = append(out, wg)
	}
	return out
}

func writeWhoCanTable(w io.Writer, res *acl.WhoCanResult, grants []whoCanGrant) error {
	defer func() {
		if len(res.Templated) == 0 {
			return
		}
		fmt.Fprintf(w, "\nDepending on the token's identity, templated paths may also allow it:\n")
		for _, b := range res.Templated {
			fmt.Fprintf(w, "  policy %s: path %q (%s:%d)\n", b.Policy.Name, b.Rule.Pattern, b.Rule.Range.File, b.Rule.Range.Start.Line)
		}
	}()
	if len(grants) == 0 {
		_, err := fmt.Fprintf(w, "no policy allows %s on %s\n", res.Operation, res.Path)
		return err
	}
	if res.InferredKVv2 != "" {
		fmt.Fprintf(w, "(%s treated as KV v2: policies address it through data/ or metadata/; pass --kv-v2 to say so)\n", res.InferredKVv2)
	}
	fmt.Fprintf(w, "%s on %s is allowed by:\n\n", res.Operation, res.Path)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "POLICY\tPATH PATTERN\tCAPABILITIES\tSOURCE\tHOLDERS")
	for _, g := range grants {
		src := "built-in"
		if g.Source != nil {
			src = fmt.Sprintf("%s:%d", g.Source.File, g.Source.Line)
		}
		var hs []string
		for _, h := range g.Holders {
			s := fmt.Sprintf("%s %s (%s:%d)", h.Kind, h.Name, h.Source.File, h.Source.Line)
			if !h.Effective {
				s += " [not effective: " + h.Reason + "]"
			}
			hs = append(hs, s)
		}
		holders := strings.Join(hs, "; ")
		switch {
		case g.Everyone && holders == "":
			holders = "every token (unless token_no_default_policy)"
		case holders == "":
			holders = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", g.Policy, g.PathPattern, strings.Join(g.Capabilities, ","), src, holders)
	}
	return tw.Flush()
}
