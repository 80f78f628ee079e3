// Package vaulttest starts the real Vault server binary (built by `make vault`
// from the version pinned in tools/vault/go.mod) for integration tests.
//
// The server is a real server, not dev mode: raft storage in a temporary
// directory, a TLS listener on a free loopback port with a CA and server
// certificate generated for the run, a shamir seal initialised and unsealed
// through the API. Tests get a root client for setup and least-privilege
// tokens for the code under test, so that what a test claims about Vault's
// behaviour is checked against Vault itself.
//
// Two ways to get a server:
//
//   - Start gives a test its own server, stopped and removed by t.Cleanup.
//     Use it when the test needs a known, complete state (for example
//     ApplySeed followed by an assertion on the exact set of findings).
//   - Shared gives every test in a package the same lazily started server.
//     It needs a TestMain that calls Main, which stops the server after the
//     last test. Tests sharing a server must not depend on its global state
//     and should name what they create with Server.Unique.
//
// A package that uses Shared declares:
//
//	func TestMain(m *testing.M) { os.Exit(vaulttest.Main(m)) }
//
// The binary is found through the environment variable VAULTGUARD_VAULT_BIN
// (set by `make test`), else at bin/vault under the module root. If neither
// is set and the default binary is missing, the tests are skipped with a
// message saying to run `make vault`; if VAULTGUARD_VAULT_BIN names a file
// that does not exist, the test fails, because that is a broken setup rather
// than a machine without Vault.
//
// On Linux the server is started with a parent-death signal, so a test binary
// that crashes or times out does not leave a vault process behind; its
// directory is removed by the next server start. The
// server's output goes to vault.log in its directory; it is printed when a
// test using the server fails. Setting VAULTGUARD_VAULTTEST_KEEP=1 keeps the
// directory for inspection.
package vaulttest
