package vaulttest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/vault/api"
)

// Root returns a client authenticated with the root token, for setting up
// what a test needs. Code under test gets a least-privilege token instead.
func (s *Server) Root(t testing.TB) *api.Client {
	t.Helper()
	return s.Client(t, s.rootToken)
}

// Client returns a client for token (empty: unauthenticated) that trusts the
// server's CA and ignores VAULT_* variables of the environment.
func (s *Server) Client(t testing.TB, token string) *api.Client {
	t.Helper()
	c, err := s.client(token)
	if err != nil {
		t.Fatalf("vaulttest: %v", err)
	}
	return c
}

// Token creates a token with exactly the given policies: no default policy
// (pass "default" to include it), no parent, a 1h TTL. It is what the code
// under test should run with.
func (s *Server) Token(t testing.TB, policies ...string) string {
	t.Helper()
	sec, err := s.Root(t).Auth().Token().CreateOrphanWithContext(context.Background(), &api.TokenCreateRequest{
		Policies:        policies,
		NoDefaultPolicy: true,
		TTL:             "1h",
		DisplayName:     "vaulttest",
	})
	if err != nil {
		t.Fatalf("vaulttest: create token with policies %v: %v", policies, err)
	}
	if sec == nil || sec.Auth == nil || sec.Auth.ClientToken == "" {
		t.Fatalf("vaulttest: create token with policies %v: no token in response", policies)
	}
	return sec.Auth.ClientToken
}

// TokenClient is Client(t, Token(t, policies...)).
func (s *Server) TokenClient(t testing.TB, policies ...string) *api.Client {
	t.Helper()
	return s.Client(t, s.Token(t, policies...))
}

// WritePolicy writes an ACL policy (HCL) under name.
func (s *Server) WritePolicy(t testing.TB, name, hcl string) {
	t.Helper()
	if err := s.Root(t).Sys().PutPolicyWithContext(context.Background(), name, hcl); err != nil {
		t.Fatalf("vaulttest: write policy %s: %v", name, err)
	}
}

// EnableFileAudit enables a file audit device at devicePath writing into the
// server's directory, and returns the log file's path. options are added to
// the device's options (e.g. "log_raw": "true"); file_path is set here.
func (s *Server) EnableFileAudit(t testing.TB, devicePath string, options map[string]string) string {
	t.Helper()
	dir := filepath.Join(s.Dir, "audit")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatalf("vaulttest: audit dir: %v", err)
	}
	logPath := filepath.Join(dir, strings.ReplaceAll(strings.Trim(devicePath, "/"), "/", "_")+".log")
	opts := map[string]string{"file_path": logPath}
	for k, v := range options {
		if k != "file_path" {
			opts[k] = v
		}
	}
	err := s.Root(t).Sys().EnableAuditWithOptionsWithContext(context.Background(), devicePath, &api.EnableAuditOptions{
		Type:    "file",
		Options: opts,
	})
	if err != nil {
		t.Fatalf("vaulttest: enable file audit device %s: %v", devicePath, err)
	}
	return logPath
}

// EnableSecrets mounts a secrets engine at path; in.Type names the engine
// (e.g. api.MountInput{Type: "kv", Options: map[string]string{"version": "2"}}).
func (s *Server) EnableSecrets(t testing.TB, path string, in api.MountInput) {
	t.Helper()
	if err := s.Root(t).Sys().MountWithContext(context.Background(), path, &in); err != nil {
		t.Fatalf("vaulttest: enable %s secrets engine at %s: %v", in.Type, path, err)
	}
}

// EnableAuth enables an auth method at path (under auth/); in.Type names the
// method (e.g. api.EnableAuthOptions{Type: "approle"}).
func (s *Server) EnableAuth(t testing.TB, path string, in api.EnableAuthOptions) {
	t.Helper()
	if err := s.Root(t).Sys().EnableAuthWithOptionsWithContext(context.Background(), path, &in); err != nil {
		t.Fatalf("vaulttest: enable %s auth method at %s: %v", in.Type, path, err)
	}
}

// Write writes data to path with the root token and returns the response.
func (s *Server) Write(t testing.TB, path string, data map[string]any) *api.Secret {
	t.Helper()
	sec, err := s.Root(t).Logical().WriteWithContext(context.Background(), path, data)
	if err != nil {
		t.Fatalf("vaulttest: write %s: %v", path, err)
	}
	return sec
}

// Unique returns prefix followed by a number not used before on this server,
// so tests sharing a server do not collide on mount paths or names.
func (s *Server) Unique(prefix string) string {
	return prefix + "-" + strconv.FormatInt(s.counter.Add(1), 10)
}

// clientEnv lists the variables that configure Vault clients (api package
// and CLI); Setenv clears the ones it does not set.
var clientEnv = []string{
	"VAULT_ADDR", "VAULT_AGENT_ADDR", "VAULT_CACERT", "VAULT_CACERT_BYTES", "VAULT_CAPATH",
	"VAULT_CLIENT_CERT", "VAULT_CLIENT_KEY", "VAULT_CLIENT_TIMEOUT", "VAULT_SKIP_VERIFY",
	"VAULT_TLS_SERVER_NAME", "VAULT_NAMESPACE", "VAULT_TOKEN", "VAULT_HEADERS",
	"VAULT_HTTP_PROXY", "VAULT_PROXY_ADDR", "VAULT_MAX_RETRIES", "VAULT_SRV_LOOKUP",
	"VAULT_RATE_LIMIT", "VAULT_DISABLE_REDIRECTS",
}

// Setenv points the standard client variables at this server for the rest
// of the test: VAULT_ADDR, VAULT_CACERT and VAULT_TOKEN (token may be empty),
// with every other VAULT_* client variable cleared. Code that configures
// itself like the vault CLI can then be run in-process. Like t.Setenv it
// cannot be used in parallel tests.
func (s *Server) Setenv(t testing.TB, token string) {
	t.Helper()
	for _, k := range clientEnv {
		t.Setenv(k, "")
	}
	t.Setenv("VAULT_ADDR", s.Addr)
	t.Setenv("VAULT_CACERT", s.CACertFile)
	t.Setenv("VAULT_TOKEN", token)
}

// Env returns the same variables as Setenv as KEY=value lines, for a
// subprocess (append them to os.Environ(); later entries win).
func (s *Server) Env(token string) []string {
	env := make([]string, 0, len(clientEnv))
	for _, k := range clientEnv {
		v := ""
		switch k {
		case "VAULT_ADDR":
			v = s.Addr
		case "VAULT_CACERT":
			v = s.CACertFile
		case "VAULT_TOKEN":
			v = token
		}
		env = append(env, fmt.Sprintf("%s=%s", k, v))
	}
	return env
}
