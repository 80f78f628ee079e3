package lint

import (
	"context"

	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/syntax"
)

// Loaded is a target read into the model without evaluating any rule.
type Loaded struct {
	Input *model.Input
	Skips []Skip
	// ParseErrors are the problems Vault would reject a file for; such
	// files are left out of Input.
	ParseErrors []*syntax.Error
}

// Load reads the target into the model the same way Run does, for
// commands that query the model rather than lint it (who-can).
func Load(ctx context.Context, t Target) (*Loaded, error) {
	ld, input, skips, err := load(ctx, t)
	if err != nil {
		return nil, err
	}
	return &Loaded{Input: input, Skips: skips, ParseErrors: ld.parseErrors}, nil
}

// load discovers and reads the target's files.
func load(ctx context.Context, t Target) (*loader, *model.Input, []Skip, error) {
	files, skips, err := discover(t)
	if err != nil {
		return nil, nil, nil, err
	}
	ld := newLoader(t.Kind, t.MaxFileSize)
	if err := ld.loadAll(ctx, files); err != nil {
		return nil, nil, nil, err
	}
	input := ld.finish()
	return ld, input, append(skips, ld.skips...), nil
}
