// Package source defines how a source format plugs into the linter. The
// Vault file formats themselves (server configs and policies) are read by
// vaultfile; every other format (Terraform, shell scripts, Markdown,
// compose/Kubernetes YAML, Dockerfiles, systemd units) is an Adapter that
// turns files into the same model objects, so rules never see formats.
package source

import (
	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/syntax"
)

// Adapter reads one source format into the model.
type Adapter interface {
	// Name names the adapter in --verbose output ("terraform", "script").
	Name() string
	// Match reports whether the adapter reads the file. head is nil when
	// the linter is walking a tree and only the name is known; it holds the
	// first bytes of the file when the name alone did not decide (a script
	// without an extension and its shebang, say).
	Match(path string, head []byte) bool
	// Read turns the file into model objects and policies. Positioned
	// errors become VG-PARSE-001 findings; the rest of the file (and every
	// other file) is still linted.
	Read(path string, src []byte) (*model.Input, []*syntax.Error)
}
