package vaulttest_test

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/vault/api"

	"github.com/vaultguard/vaultguard/tools/vaulttest"
)

func TestMain(m *testing.M) { os.Exit(vaulttest.Main(m)) }

func TestServerTLS(t *testing.T) {
	s := vaulttest.Shared(t)
	t.Logf("vault %s started in %s", s.Version, s.StartupTime)

	u, err := url.Parse(s.Addr)
	if err != nil {
		t.Fatal(err)
	}
	if u.Scheme != "https" || u.Hostname() != "127.0.0.1" {
		t.Fatalf("Addr = %s, want https://127.0.0.1:<port>", s.Addr)
	}

	t.Run("served certificate chains to the generated CA", func(t *testing.T) {
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(s.CACertPEM) {
			t.Fatal("CACertPEM holds no certificate")
		}
		conn, err := tls.Dial("tcp", u.Host, &tls.Config{RootCAs: pool, ServerName: "127.0.0.1", MinVersion: tls.VersionTLS12})
		if err != nil {
			t.Fatalf("TLS handshake verifying the generated CA: %v", err)
		}
		defer conn.Close()
		leaf := conn.ConnectionState().PeerCertificates[0]
		if err := leaf.VerifyHostname("127.0.0.1"); err != nil {
			t.Errorf("server certificate: %v", err)
		}
	})

	t.Run("a client without the CA is refused", func(t *testing.T) {
		hc := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{Proxy: nil}}
		resp, err := hc.Get(s.Addr + "/v1/sys/health")
		if err == nil {
			resp.Body.Close()
			t.Fatal("request with the system roots succeeded; want a certificate error")
		}
		var unknown x509.UnknownAuthorityError
		if !errors.As(err, &unknown) {
			t.Errorf("error = %v, want x509.UnknownAuthorityError", err)
		}
	})

	t.Run("plain http is not served", func(t *testing.T) {
		hc := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{Proxy: nil}}
		resp, err := hc.Get("http://" + u.Host + "/v1/sys/health")
		if err == nil {
			defer resp.Body.Close()
			if resp.StatusCode != http.StatusBadRequest {
				t.Errorf("plain http status = %d, want 400 (TLS listener) or an error", resp.StatusCode)
			}
		}
	})

	t.Run("initialised, unsealed, shamir, raft", func(t *testing.T) {
		st, err := s.Client(t, "").Sys().SealStatusWithContext(context.Background())
		if err != nil {
			t.Fatalf("seal status: %v", err)
		}
		if !st.Initialized || st.Sealed || st.Type != "shamir" || st.StorageType != "raft" {
			t.Errorf("seal status: initialized=%t sealed=%t type=%q storage_type=%q; want true false shamir raft",
				st.Initialized, st.Sealed, st.Type, st.StorageType)
		}
	})
}

func TestTokenIsLeastPrivilege(t *testing.T) {
	s := vaulttest.Shared(t)
	mount := s.Unique("kv")
	s.EnableSecrets(t, mount, api.MountInput{Type: "kv", Options: map[string]string{"version": "2"}})
	waitKV(t, s, mount)
	s.Write(t, mount+"/data/allowed", map[string]any{"data": map[string]any{"k": "v"}})
	s.Write(t, mount+"/data/other", map[string]any{"data": map[string]any{"k": "v"}})

	policy := s.Unique("read-allowed")
	s.WritePolicy(t, policy, `path "`+mount+`/data/allowed" { capabilities = ["read"] }`)
	c := s.TokenClient(t, policy)
	ctx := context.Background()

	if _, err := c.Logical().ReadWithContext(ctx, mount+"/data/allowed"); err != nil {
		t.Fatalf("read a path the policy grants: %v", err)
	}
	for _, p := range []string{mount + "/data/other", "sys/mounts", "auth/token/lookup-self"} {
		_, err := c.Logical().ReadWithContext(ctx, p)
		var re *api.ResponseError
		if !errors.As(err, &re) || re.StatusCode != http.StatusForbidden {
			t.Errorf("read %s: err = %v, want 403 permission denied", p, err)
		}
	}

	caps, err := s.Root(t).Sys().CapabilitiesWithContext(ctx, c.Token(), mount+"/data/other")
	if err != nil {
		t.Fatalf("sys/capabilities: %v", err)
	}
	if len(caps) != 1 || caps[0] != "deny" {
		t.Errorf("capabilities on a path the token lacks = %v, want [deny]", caps)
	}
}

func TestAuditFileReceivesEntries(t *testing.T) {
	s := vaulttest.Shared(t)
	device := s.Unique("audit")
	logPath := s.EnableFileAudit(t, device, nil)
	t.Cleanup(func() {
		if err := s.Root(t).Sys().DisableAuditWithContext(context.Background(), device); err != nil {
			t.Errorf("disable audit device %s: %v", device, err)
		}
	})

	policy := s.Unique("read-health")
	s.WritePolicy(t, policy, `path "sys/mounts" { capabilities = ["read"] }`)
	token := s.Token(t, policy)
	c := s.Client(t, token)
	if _, err := c.Sys().ListMountsWithContext(context.Background()); err != nil {
		t.Fatalf("list mounts: %v", err)
	}
	_, denied := c.Logical().ReadWithContext(context.Background(), "sys/policies/acl")
	if denied == nil {
		t.Fatal("list policies succeeded; want 403")
	}

	// The file device writes synchronously before Vault responds.
	raw, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatalf("read audit log: %v", err)
	}
	if strings.Contains(string(raw), token) {
		t.Error("audit log contains the client token in clear; want it HMAC'd")
	}

	type entry struct {
		Type    string `json:"type"`
		Error   string `json:"error"`
		Request struct {
			Operation   string `json:"operation"`
			Path        string `json:"path"`
			ClientToken string `json:"client_token"`
		} `json:"request"`
		Auth struct {
			Policies []string `json:"policies"`
		} `json:"auth"`
	}
	seen := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(string(raw)))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var e entry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("audit line is not JSON: %v\n%s", err, sc.Text())
		}
		if !strings.HasPrefix(e.Request.ClientToken, "hmac-sha256:") && e.Request.ClientToken != "" {
			t.Errorf("client_token %q is not HMAC'd", e.Request.ClientToken)
		}
		key := e.Type + " " + e.Request.Operation + " " + e.Request.Path
		if e.Error != "" {
			key += " error"
		}
		seen[key] = true
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"request read sys/mounts",
		"response read sys/mounts",
		"request read sys/policies/acl error",
		"response read sys/policies/acl error",
	} {
		if !seen[want] {
			t.Errorf("audit log has no %q entry; have %v", want, seen)
		}
	}
}

func TestSeed(t *testing.T) {
	s := vaulttest.Start(t)
	t.Logf("dedicated server started in %s", s.StartupTime)
	began := time.Now()
	sd := vaulttest.ApplySeed(t, s)
	t.Logf("seed applied in %s", time.Since(began))
	root := s.Root(t)
	ctx := context.Background()

	t.Run("approle roles", func(t *testing.T) {
		for _, r := range sd.AppRoles {
			sec, err := root.Logical().ReadWithContext(ctx, "auth/"+sd.AppRoleMount+"/role/"+r.Name)
			if err != nil || sec == nil {
				t.Fatalf("read role %s: %v", r.Name, err)
			}
			for field, want := range map[string]int64{
				"token_ttl":          int64(r.TokenTTL / time.Second),
				"token_max_ttl":      int64(r.TokenMaxTTL / time.Second),
				"secret_id_ttl":      int64(r.SecretIDTTL / time.Second),
				"secret_id_num_uses": int64(r.SecretIDNumUses),
			} {
				got, err := sec.Data[field].(json.Number).Int64()
				if err != nil || got != want {
					t.Errorf("role %s: %s = %v, want %d", r.Name, field, sec.Data[field], want)
				}
			}
		}
	})

	t.Run("payments-api secret IDs are single use", func(t *testing.T) {
		base := "auth/" + sd.AppRoleMount + "/role/payments-api/"
		rid, err := root.Logical().ReadWithContext(ctx, base+"role-id")
		if err != nil {
			t.Fatalf("read role-id: %v", err)
		}
		sid, err := root.Logical().WriteWithContext(ctx, base+"secret-id", nil)
		if err != nil {
			t.Fatalf("generate secret-id: %v", err)
		}
		login := map[string]any{"role_id": rid.Data["role_id"], "secret_id": sid.Data["secret_id"]}
		c := s.Client(t, "")
		first, err := c.Logical().WriteWithContext(ctx, "auth/"+sd.AppRoleMount+"/login", login)
		if err != nil {
			t.Fatalf("first login: %v", err)
		}
		if got := first.Auth.TokenPolicies; len(got) != 2 || got[1] != "payments-api" {
			t.Errorf("login token_policies = %v, want [default payments-api]", got)
		}
		if first.Auth.LeaseDuration != 3600 {
			t.Errorf("login lease_duration = %d, want 3600", first.Auth.LeaseDuration)
		}
		if _, err := c.Logical().WriteWithContext(ctx, "auth/"+sd.AppRoleMount+"/login", login); err == nil {
			t.Error("second login with the same secret_id succeeded; want it refused")
		}
	})

	t.Run("policies", func(t *testing.T) {
		for name, want := range sd.Policies {
			got, err := root.Sys().GetPolicyWithContext(ctx, name)
			if err != nil {
				t.Fatalf("read policy %s: %v", name, err)
			}
			if got != want {
				t.Errorf("policy %s = %q, want %q", name, got, want)
			}
		}
	})

	t.Run("mounts", func(t *testing.T) {
		mounts, err := root.Sys().ListMountsWithContext(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for path, typ := range map[string]string{
			sd.KVMount + "/":       "kv",
			sd.DatabaseMount + "/": "database",
			sd.TransitMount + "/":  "transit",
		} {
			m, ok := mounts[path]
			if !ok || m.Type != typ {
				t.Errorf("mount %s: %+v, want type %s", path, m, typ)
			}
		}
		if v := mounts[sd.KVMount+"/"].Options["version"]; v != "2" {
			t.Errorf("kv version = %q, want 2", v)
		}
		auths, err := root.Sys().ListAuthWithContext(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if a, ok := auths[sd.AppRoleMount+"/"]; !ok || a.Type != "approle" {
			t.Errorf("auth mount %s/: %+v, want approle", sd.AppRoleMount, a)
		}
	})

	t.Run("database connection and role", func(t *testing.T) {
		c := sd.DatabaseConnection
		sec, err := root.Logical().ReadWithContext(ctx, sd.DatabaseMount+"/config/"+c.Name)
		if err != nil || sec == nil {
			t.Fatalf("read connection: %v", err)
		}
		if sec.Data["plugin_name"] != c.PluginName {
			t.Errorf("plugin_name = %v, want %s", sec.Data["plugin_name"], c.PluginName)
		}
		r := sd.DatabaseRole
		sec, err = root.Logical().ReadWithContext(ctx, sd.DatabaseMount+"/roles/"+r.Name)
		if err != nil || sec == nil {
			t.Fatalf("read role: %v", err)
		}
		if sec.Data["db_name"] != r.DBName {
			t.Errorf("db_name = %v, want %s", sec.Data["db_name"], r.DBName)
		}
	})

	t.Run("transit key", func(t *testing.T) {
		sec, err := root.Logical().ReadWithContext(ctx, sd.TransitMount+"/keys/"+sd.TransitKey)
		if err != nil || sec == nil {
			t.Fatalf("read key: %v", err)
		}
		if sec.Data["type"] != "aes256-gcm96" {
			t.Errorf("key type = %v, want aes256-gcm96", sec.Data["type"])
		}
	})

	t.Run("one file audit device that saw the setup", func(t *testing.T) {
		devices, err := root.Sys().ListAuditWithContext(ctx)
		if err != nil {
			t.Fatal(err)
		}
		d, ok := devices[sd.AuditDevice+"/"]
		if len(devices) != 1 || !ok || d.Type != "file" || d.Options["file_path"] != sd.AuditLogPath {
			t.Fatalf("audit devices = %+v, want one file device at %s/ writing %s", devices, sd.AuditDevice, sd.AuditLogPath)
		}
		raw, err := os.ReadFile(sd.AuditLogPath)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(raw), `"path":"auth/approle/role/orders-worker"`) {
			t.Error("audit log does not record the orders-worker role write")
		}
	})
}

func TestStartFileStorage(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a second server")
	}
	s := vaulttest.StartWith(t, vaulttest.Options{Storage: vaulttest.StorageFile})
	t.Logf("file storage server started in %s", s.StartupTime)
	st, err := s.Client(t, "").Sys().SealStatusWithContext(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.StorageType != "file" || st.Sealed {
		t.Errorf("storage_type=%q sealed=%t, want file false", st.StorageType, st.Sealed)
	}
	s.Stop()
	if _, err := net.DialTimeout("tcp", strings.TrimPrefix(s.Addr, "https://"), time.Second); err == nil {
		t.Error("server still accepts connections after Stop")
	}
	if _, err := os.Stat(s.Dir); !errors.Is(err, os.ErrNotExist) && os.Getenv("VAULTGUARD_VAULTTEST_KEEP") == "" {
		t.Errorf("server dir %s still there after Stop: %v", s.Dir, err)
	}
}

// waitKV waits until a new KV v2 mount accepts writes.
func waitKV(t *testing.T, s *vaulttest.Server, mount string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		_, err := s.Root(t).Logical().ReadWithContext(context.Background(), mount+"/config")
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("kv v2 mount %s not ready: %v", mount, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
