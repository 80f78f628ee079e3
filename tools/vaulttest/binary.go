package vaulttest

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// EnvBinary names the environment variable that points at the vault binary.
const EnvBinary = "VAULTGUARD_VAULT_BIN"

// modulePath is the main module; tools/vault is a different module and is
// skipped when looking for the root.
const modulePath = "github.com/vaultguard/vaultguard"

// skipError marks a missing binary: the caller skips instead of failing.
type skipError struct{ msg string }

func (e *skipError) Error() string { return e.msg }

// findBinary returns the vault binary to run, or a *skipError when no binary
// was asked for explicitly and the default one has not been built.
func findBinary() (string, error) {
	if p := os.Getenv(EnvBinary); p != "" {
		abs, err := filepath.Abs(p)
		if err != nil {
			return "", fmt.Errorf("find vault binary: %w", err)
		}
		if _, err := os.Stat(abs); err != nil {
			return "", fmt.Errorf("find vault binary: %s=%s: %w", EnvBinary, p, err)
		}
		return abs, nil
	}
	root, err := moduleRoot()
	if err != nil {
		return "", fmt.Errorf("find vault binary: %w", err)
	}
	p := filepath.Join(root, "bin", "vault")
	if _, err := os.Stat(p); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", &skipError{msg: fmt.Sprintf(
				"vault binary not found at %s: run `make vault` (or set %s) to run the integration tests against a real Vault", p, EnvBinary)}
		}
		return "", fmt.Errorf("find vault binary: %w", err)
	}
	return p, nil
}

// moduleRoot walks up from the working directory (the package directory
// under go test) to the go.mod that declares the main module.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("module root: %w", err)
	}
	for {
		if isMainModule(filepath.Join(dir, "go.mod")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("module root: no go.mod for %s above the working directory", modulePath)
		}
		dir = parent
	}
}

func isMainModule(gomod string) bool {
	f, err := os.Open(gomod)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "module "); ok {
			return strings.Trim(strings.TrimSpace(rest), `"`) == modulePath
		}
	}
	return false
}
