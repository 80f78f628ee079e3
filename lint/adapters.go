package lint

import (
	"github.com/vaultguard/vaultguard/lint/source"
	"github.com/vaultguard/vaultguard/lint/source/deploy"
	"github.com/vaultguard/vaultguard/lint/source/script"
	"github.com/vaultguard/vaultguard/lint/source/terraform"
)

// adapters is the explicit registry of source formats beside Vault's own
// files, tried in order; the first that matches a file reads it.
func adapters() []source.Adapter {
	return []source.Adapter{
		terraform.New(),
		script.New(),
		deploy.New(),
	}
}
