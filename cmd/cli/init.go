package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/vaultguard/vaultguard/lint/config"
)

func newInitCommand(streams IO) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write a commented starter " + config.FileName + " in the current directory",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if _, err := os.Stat(config.FileName); err == nil && !force {
				return usageError("%s already exists (use --force to overwrite)", config.FileName)
			} else if err != nil && !errors.Is(err, os.ErrNotExist) {
				return usageError("%v", err)
			}
			if err := os.WriteFile(config.FileName, []byte(config.Starter), 0o644); err != nil {
				return &ExitError{Code: ExitInternal, Err: err}
			}
			fmt.Fprintf(streams.Out, "wrote %s\n", config.FileName)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing file")
	return cmd
}
