package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/vaultguard/vaultguard/lint"
	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/source/live"
)

type policyFlags struct {
	database []string
	transit  []string
}

func newPolicyCommand(streams IO) *cobra.Command {
	var fl policyFlags
	cmd := &cobra.Command{
		Use:   "policy",
		Short: "Print the minimal read-only Vault policy that lint --vault needs",
		Long: `Print the ACL policy that vaultguard lint --vault needs: list and read on
policies, auth and secrets mounts, auth roles, database connections and
roles, transit keys and audit devices; sudo only where Vault requires it
for a read (sys/audit, auth/token/accessors);
update on auth/token/lookup-accessor, a lookup sent as a POST.

Database and transit engines are listed by mount path (a wildcard over
every mount would also grant reads on KV version 1 secrets).`,
		Example: `  vaultguard policy | vault policy write vaultguard-read -
  vault token create -policy=vaultguard-read -no-default-policy -ttl=15m
  vaultguard policy --database-mount db-prod --database-mount db-stage --transit-mount transit`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := io.WriteString(streams.Out, live.MinimalPolicy(fl.database, fl.transit))
			return err
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&fl.database, "database-mount", []string{"database"}, "path of a database secrets engine (repeatable)")
	f.StringArrayVar(&fl.transit, "transit-mount", []string{"transit"}, "path of a transit secrets engine (repeatable)")
	return cmd
}

// readVault reads the live Vault the VAULT_* environment points at. Paths
// the token may not read are warnings on stderr, not errors. With verbose,
// each request is logged to stderr (paths and statuses only, never the
// token).
func readVault(ctx context.Context, streams IO, verbose bool) (*live.Result, error) {
	opts := live.ClientOptions{}
	if verbose {
		opts.Log = streams.Err
	}
	c, err := live.NewClient(opts)
	if err != nil {
		return nil, err
	}
	got, err := live.Read(ctx, c)
	if err != nil {
		return nil, err
	}
	for _, p := range got.Problems {
		fmt.Fprintf(streams.Err, "warning: %s\n", p)
	}
	return got, nil
}

// readVaultInput is readVault for commands that query the model (who-can).
func readVaultInput(ctx context.Context, streams IO) (*model.Input, error) {
	got, err := readVault(ctx, streams, false)
	if err != nil {
		return nil, err
	}
	return got.Input, nil
}

// lintVault lints the live Vault: every rule on what readVault read.
func lintVault(ctx context.Context, streams IO, linter *lint.Linter, verbose bool) (*lint.Result, error) {
	got, err := readVault(ctx, streams, verbose)
	if err != nil {
		return nil, fmt.Errorf("lint --vault: %w", err)
	}
	res, err := linter.RunInput(ctx, got.Input, got.Sources)
	if err != nil {
		return nil, fmt.Errorf("lint --vault: %w", err)
	}
	return res, nil
}
