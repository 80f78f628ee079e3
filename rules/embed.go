// Package rules embeds vaultguard's Rego rules, their unit tests and their
// fixtures. One rule per package, `<category>/<slug>.rego` beside
// `<slug>_test.rego`, with fixtures under `<category>/testdata/<slug>/`.
package rules

import "embed"

// FS holds every rule, library, test and fixture.
//
//go:embed lib server policy auth database audit transit client deploy mount cluster
var FS embed.FS

// Categories are the top-level rule directories.
var Categories = []string{"server", "policy", "auth", "database", "audit", "transit", "client", "deploy", "mount", "cluster"}
