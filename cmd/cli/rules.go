package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/spf13/cobra"

	"github.com/vaultguard/vaultguard/lint"
	"github.com/vaultguard/vaultguard/lint/engine"
	"github.com/vaultguard/vaultguard/lint/linttest"
	"github.com/vaultguard/vaultguard/lint/ruledoc"
	"github.com/vaultguard/vaultguard/rules"
)

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
			t := tablewriter.NewTable(streams.Out,
				tablewriter.WithHeaderAutoFormat(tw.Off),
				tablewriter.WithRowAutoWrap(tw.WrapNormal),
				tablewriter.WithRowMaxWidth(0),
				tablewriter.WithColumnWidths(tw.NewMapper[int, int]().Set(2, 32).Set(3, 64)))
			t.Header([]string{"ID", "Severity", "Kinds", "Title"})
			for _, r := range linter.Rules() {
				if err := t.Append([]string{r.ID, r.Severity.String(), strings.Join(r.Kinds, ", "), r.Title}); err != nil {
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
			bad, good, err := ruledoc.Examples(rules.FS, file, r.ID)
			if err != nil {
				return &ExitError{Code: ExitInternal, Err: err}
			}
			if bad != nil {
				word := "line"
				if len(bad.Lines) > 1 {
					word = "lines"
				}
				fmt.Fprintf(w, "\nFlagged (%s, %s %s):\n\n%s\n", bad.File, word, joinInts(bad.Lines), indent(bad.Text))
			}
			if good != nil {
				fmt.Fprintf(w, "\nPasses (%s):\n\n%s\n", good.File, indent(good.Text))
			}
			return nil
		},
	})
	cmd.AddCommand(newRulesTestCommand(streams))
	return cmd
}

func newRulesTestCommand(streams IO) *cobra.Command {
	return &cobra.Command{
		Use:   "test DIR",
		Short: "Run a rule directory's Rego unit tests and # want: fixtures, as vaultguard tests its own rules",
		Long: `Run the Rego unit tests (*_test.rego) and the fixtures of a directory of
custom rules. Rules live in DIR/<category>/<slug>.rego (package
vaultguard.rules.<category>.<slug>, with METADATA), fixtures in
DIR/<category>/testdata/<slug>/: cases named pass* must produce no finding,
the others must produce exactly the findings their "# want: ID" comments
expect, on those lines.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			dir := args[0]
			mods, err := engine.LoadModules([]engine.Source{{FS: rules.FS, Root: "."}, {FS: os.DirFS(dir), Root: ".", Custom: true, Label: filepath.ToSlash(dir), Tests: true}})
			if err != nil {
				return usageError("%v", err)
			}
			var custom []*engine.Module
			for _, m := range mods {
				if m.Custom || !m.Test {
					custom = append(custom, m)
				}
			}
			linter, err := lint.New(ctx, lint.Options{RuleDirs: []string{dir}})
			if err != nil {
				return usageError("%v", err)
			}
			passed, failed := 0, 0
			regoResults, err := linttest.RunRegoTests(ctx, custom)
			if err != nil {
				return usageError("%v", err)
			}
			for _, r := range regoResults {
				if !strings.HasPrefix(r.Location, filepath.ToSlash(dir)) {
					continue
				}
				switch {
				case r.Err != nil:
					failed++
					fmt.Fprintf(streams.Out, "FAIL %s: %v\n", r.Name, r.Err)
				case r.Fail:
					failed++
					fmt.Fprintf(streams.Out, "FAIL %s (%s)\n", r.Name, r.Location)
				default:
					passed++
				}
			}
			cases, err := linttest.RunFixtures(ctx, linter, dir)
			if err != nil {
				return usageError("%v", err)
			}
			for _, cr := range cases {
				if cr.OK() {
					passed++
					continue
				}
				failed++
				fmt.Fprintf(streams.Out, "FAIL fixture %s\n", cr.Case.Name)
				if cr.Err != nil {
					fmt.Fprintf(streams.Out, "    %v\n", cr.Err)
				}
				for _, line := range strings.Split(strings.TrimSpace(cr.Mismatch.String()), "\n") {
					if line != "" {
						fmt.Fprintf(streams.Out, "    %s\n", line)
					}
				}
			}
			fmt.Fprintf(streams.Out, "%d passed, %d failed\n", passed, failed)
			if failed > 0 {
				return &ExitError{Code: ExitFindings}
			}
			return nil
		},
	}
}

func indent(text string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n")
}

func joinInts(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ", ")
}
