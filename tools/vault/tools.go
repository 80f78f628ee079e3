//go:build tools

// Package tools pins the Vault server that the integration tests start.
// It is a test dependency only and is never linked into vaultguard.
package tools

import _ "github.com/hashicorp/vault"
