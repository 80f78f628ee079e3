// Package cli holds vaultguard's cobra commands. It is the only package that
// knows about flags, the terminal and exit codes; the work is done in lint,
// auditlog and report.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

// Exit codes shared by every command, so that CI gates can rely on them.
const (
	ExitOK       = 0 // nothing at or above the failure threshold
	ExitFindings = 1 // findings at or above --fail-on
	ExitInternal = 2 // usage or internal error
)

// ExitError carries an exit code up to main without printing anything more.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit %d", e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

// IO bundles the streams a command reads and writes, so tests can run the
// real root command in-process with buffers.
type IO struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

// NewRootCommand builds the whole command tree.
func NewRootCommand(streams IO) *cobra.Command {
	root := &cobra.Command{
		Use:           "vaultguard",
		Short:         "Keep HashiCorp Vault deployments honest: lint configs and policies, analyse audit logs",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(streams.In)
	root.SetOut(streams.Out)
	root.SetErr(streams.Err)
	for _, sub := range subcommands(streams) {
		root.AddCommand(sub)
	}
	return root
}

// subcommands is the explicit registry of top-level commands.
func subcommands(streams IO) []*cobra.Command {
	return []*cobra.Command{
		newLintCommand(streams),
		newInitCommand(streams),
		newRulesCommand(streams),
		newVersionCommand(streams),
		newAuditCommand(streams),
		newWhoCanCommand(streams),
		newPolicyCommand(streams),
	}
}

// Execute runs the root command with args and returns the process exit code.
func Execute(ctx context.Context, args []string, in io.Reader, out, errOut io.Writer) int {
	streams := IO{In: in, Out: out, Err: errOut}
	root := NewRootCommand(streams)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		if ee.Err != nil {
			fmt.Fprintf(errOut, "vaultguard: %v\n", ee.Err)
		}
		return ee.Code
	}
	fmt.Fprintf(errOut, "vaultguard: %v\n", err)
	return ExitInternal
}
