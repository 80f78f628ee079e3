package cli

import (
	"fmt"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/spf13/cobra"

	"github.com/vaultguard/vaultguard/lint"
	"github.com/vaultguard/vaultguard/lint/model"
)

func modelSeconds(v string) (int64, bool) { return model.Seconds(v) }

func newRulesCommand(streams IO) *cobra.Command {
	var ruleDirs []string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rule catalog",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			linter, err := lint.New(cmd.Context(), lint.Options{RuleDirs: ruleDirs})
			if err != nil {
				return &ExitError{Code: ExitInternal, Err: err}
			}
			t := tablewriter.NewTable(streams.Out, tablewriter.WithHeaderAutoFormat(tw.Off), tablewriter.WithRowAutoWrap(tw.WrapNormal), tablewriter.WithColumnMax(60))
			t.Header([]string{"ID", "Severity", "Kinds", "Title"})
			for _, r := range linter.Rules() {
				if err := t.Append([]string{r.ID, r.Severity.String(), strings.Join(r.Kinds, ","), r.Title}); err != nil {
					return err
				}
			}
			return t.Render()
		},
	}
	cmd.PersistentFlags().StringArrayVar(&ruleDirs, "rules", nil, "directory of extra Rego rules (repeatable)")
	cmd.AddCommand(&cobra.Command{
		Use:   "explain ID",
		Short: "Describe one rule: why it matters, how to fix, where Vault documents it",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			linter, err := lint.New(cmd.Context(), lint.Options{RuleDirs: ruleDirs})
			if err != nil {
				return &ExitError{Code: ExitInternal, Err: err}
			}
			r, file, ok := linter.Rule(args[0])
			if !ok {
				return usageError("no rule %q; `vaultguard rules` lists them", args[0])
			}
			w := streams.Out
			fmt.Fprintf(w, "%s: %s\n", r.ID, r.Title)
			fmt.Fprintf(w, "severity: %s   kinds: %s\n", r.Severity, strings.Join(r.Kinds, ", "))
			if file != "" {
				fmt.Fprintf(w, "source:   rules/%s\n", file)
			}
			fmt.Fprintf(w, "\n%s\n", r.Description)
			if r.Remediation != "" {
				fmt.Fprintf(w, "\nHow to fix: %s\n", r.Remediation)
			}
			if r.HelpURI != "" {
				fmt.Fprintf(w, "\nVault docs: %s\n", r.HelpURI)
			}
			return nil
		},
	})
	return cmd
}
