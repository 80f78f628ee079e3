package vaulttest

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// These tests need no vault binary.

func TestFindBinaryFromEnv(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "vault")
	if err := os.WriteFile(bin, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv(EnvBinary, bin)
	got, err := findBinary()
	if err != nil || got != bin {
		t.Errorf("findBinary() = %q, %v; want %q", got, err, bin)
	}

	t.Setenv(EnvBinary, bin+".missing")
	_, err = findBinary()
	var skip *skipError
	if err == nil || errors.As(err, &skip) {
		t.Errorf("findBinary() with %s naming a missing file: err = %v, want a failure, not a skip", EnvBinary, err)
	}
}

func TestModuleRoot(t *testing.T) {
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	// Not tools/vault, whose go.mod declares another module.
	if _, err := os.Stat(filepath.Join(root, "tools", "vaulttest")); err != nil {
		t.Errorf("moduleRoot() = %s, which has no tools/vaulttest: %v", root, err)
	}
}

func TestWriteTLS(t *testing.T) {
	dir := t.TempDir()
	f, err := writeTLS(dir)
	if err != nil {
		t.Fatal(err)
	}
	pair, err := tls.LoadX509KeyPair(f.certFile, f.keyFile)
	if err != nil {
		t.Fatalf("server key pair: %v", err)
	}
	leaf, err := x509.ParseCertificate(pair.Certificate[0])
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(f.caPEM)
	for _, host := range []string{"127.0.0.1", "localhost"} {
		if _, err := leaf.Verify(x509.VerifyOptions{Roots: pool, DNSName: host}); err != nil {
			t.Errorf("server certificate for %s: %v", host, err)
		}
	}
	st, err := os.Stat(f.keyFile)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("key file mode = %v, want 0600", st.Mode().Perm())
	}
	if b, _ := pem.Decode(f.caPEM); b == nil || b.Type != "CERTIFICATE" {
		t.Errorf("CA PEM does not hold a certificate")
	}
}

func TestServerConfig(t *testing.T) {
	certs := tlsFiles{certFile: "/d/server.pem", keyFile: "/d/server-key.pem"}
	for _, tc := range []struct {
		storage string
		want    []string
		not     []string
	}{
		{StorageRaft, []string{`storage "raft"`, `path = "/d/raft"`, `cluster_addr = "https://127.0.0.1:2"`, `cluster_address = "127.0.0.1:2"`}, []string{"disable_clustering"}},
		{StorageFile, []string{`storage "file"`, `path = "/d/file"`, `disable_clustering = true`}, []string{"cluster_addr"}},
	} {
		t.Run(tc.storage, func(t *testing.T) {
			cfg := serverConfig("/d", Options{Storage: tc.storage, LogLevel: "info"}, []int{1, 2}, certs)
			for _, w := range append(tc.want, `address = "127.0.0.1:1"`, `tls_cert_file = "/d/server.pem"`, `disable_mlock = true`, `api_addr = "https://127.0.0.1:1"`) {
				if !strings.Contains(cfg, w) {
					t.Errorf("config lacks %s:\n%s", w, cfg)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(cfg, n) {
					t.Errorf("config has %s:\n%s", n, cfg)
				}
			}
		})
	}
}

func TestEnvClearsClientVariables(t *testing.T) {
	s := &Server{Addr: "https://127.0.0.1:1", CACertFile: "/d/ca.pem"}
	env := map[string]string{}
	for _, kv := range s.Env("") {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	if env["VAULT_ADDR"] != s.Addr || env["VAULT_CACERT"] != s.CACertFile {
		t.Errorf("Env: VAULT_ADDR=%q VAULT_CACERT=%q", env["VAULT_ADDR"], env["VAULT_CACERT"])
	}
	for _, k := range []string{"VAULT_NAMESPACE", "VAULT_SKIP_VERIFY", "VAULT_AGENT_ADDR", "VAULT_TOKEN"} {
		if v, ok := env[k]; !ok || v != "" {
			t.Errorf("Env: %s = %q, %t; want set and empty", k, v, ok)
		}
	}
}
