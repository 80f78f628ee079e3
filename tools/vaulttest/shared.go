package vaulttest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"testing"
)

// shared is the one server of a test package. It is package state on
// purpose: starting Vault costs seconds, and a test binary is one package.
var shared struct {
	mu      sync.Mutex
	enabled bool // Main is running the tests
	started bool
	srv     *Server
	err     error
	failed  bool // a test using the shared server failed
}

// Main runs the package's tests and then stops the shared server, printing
// its log to stderr if any test using it failed. Call it from TestMain:
//
//	func TestMain(m *testing.M) { os.Exit(vaulttest.Main(m)) }
func Main(m *testing.M) int {
	shared.mu.Lock()
	shared.enabled = true
	shared.mu.Unlock()

	code := m.Run()

	shared.mu.Lock()
	defer shared.mu.Unlock()
	if s := shared.srv; s != nil {
		if shared.failed || code != 0 {
			fmt.Fprintf(os.Stderr, "vault server log (%s):\n%s\n", s.LogFile, s.Log())
		}
		s.Stop()
	}
	return code
}

// Shared returns the package's shared server, starting it on first use.
// It skips the test when the vault binary has not been built and fails it
// when the server could not start (every later caller gets the same error
// without a new attempt). Tests must not stop the shared server.
func Shared(t testing.TB) *Server {
	t.Helper()
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if !shared.enabled {
		t.Fatal("vaulttest.Shared needs a TestMain that calls vaulttest.Main, which stops the server after the tests")
	}
	if !shared.started {
		shared.started = true
		shared.srv, shared.err = start(context.Background(), Options{})
	}
	if shared.err != nil {
		var skip *skipError
		if errors.As(shared.err, &skip) {
			t.Skip(skip.msg)
		}
		t.Fatalf("vaulttest: shared server: %v", shared.err)
	}
	t.Cleanup(func() {
		if t.Failed() {
			shared.mu.Lock()
			shared.failed = true
			shared.mu.Unlock()
		}
	})
	return shared.srv
}
