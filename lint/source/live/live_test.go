package live_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/vault/api"

	"github.com/vaultguard/vaultguard/lint"
	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/source/live"
	"github.com/vaultguard/vaultguard/tools/vaulttest"
)

func TestMain(m *testing.M) { os.Exit(vaulttest.Main(m)) }

func server(t *testing.T) *vaulttest.Server {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a Vault server")
	}
	return vaulttest.StartWith(t, vaulttest.Options{Storage: vaulttest.StorageFile})
}

func find(in *model.Input, kind, name string) *model.Object {
	for _, o := range in.Objects {
		if o.Kind == kind && o.Name == name {
			return o
		}
	}
	return nil
}

// TestReadSeed checks the model read from the seed deployment with a root
// token: kinds, names, vault:// locations and values as the rules expect
// them (counts as int64, durations as "768h", 0 kept where Vault returns it).
func TestReadSeed(t *testing.T) {
	s := server(t)
	vaulttest.ApplySeed(t, s)
	res, err := live.Read(context.Background(), s.Root(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) > 0 {
		t.Errorf("problems with a root token: %v", res.Problems)
	}
	role := find(res.Input, model.KindApproleRole, "orders-worker")
	if role == nil {
		t.Fatal("no approle_role orders-worker")
	}
	if role.Range.File != "vault://auth/approle/role/orders-worker" || role.Meta["origin"] != "vault" || role.Meta["mount"] != "approle" {
		t.Errorf("role: %+v", role)
	}
	for field, want := range map[string]any{"secret_id_num_uses": int64(0), "token_ttl": "768h", "bind_secret_id": true} {
		a := role.Attrs[field]
		if a == nil || a.Value != want || !a.Known || a.Range.File != "vault://auth/approle/role/orders-worker#"+field {
			t.Errorf("%s = %+v, want %v", field, a, want)
		}
	}
	if p := role.Attrs["token_policies"]; p == nil || !slices.Equal(p.Value.([]string), []string{"orders-worker"}) {
		t.Errorf("token_policies = %+v", p)
	}
	if role.Attrs["secret_id_bound_cidrs"] != nil {
		t.Error("null secret_id_bound_cidrs became an attribute")
	}
	conn := find(res.Input, model.KindDatabaseConnection, "payments-db")
	if conn == nil || conn.Attrs["connection_url"] == nil || conn.Attrs["verify_connection"].Value != false || conn.Attrs["plugin_name"].Value != "postgresql-database-plugin" {
		t.Errorf("database connection: %+v", conn)
	}
	if r := find(res.Input, model.KindDatabaseRole, "payments-readonly"); r == nil || r.Attrs["default_ttl"].Value != "1h" || r.Attrs["db_name"].Value != "payments-db" {
		t.Errorf("database role: %+v", r)
	}
	if k := find(res.Input, model.KindTransitKey, "payments"); k == nil || k.Attrs["type"].Value != "aes256-gcm96" || k.Attrs["keys"] != nil {
		t.Errorf("transit key: %+v", k)
	}
	dev := find(res.Input, model.KindAuditDevice, "file")
	if dev == nil || dev.Attrs["type"].Value != "file" || dev.Attrs["file_path"] == nil || dev.Range.File != "vault://sys/audit/file" {
		t.Errorf("audit device: %+v", dev)
	}
	if m := find(res.Input, model.KindMount, "secret"); m == nil || m.Meta["class"] != "secret" || m.Attrs["type"].Value != "kv" || m.Attrs["default_lease_ttl"] != nil {
		t.Errorf("kv mount (0 TTLs are 'unset' and left out): %+v", m)
	}
	if m := find(res.Input, model.KindMount, "approle"); m == nil || m.Meta["class"] != "auth" || m.Range.File != "vault://sys/auth/approle" {
		t.Errorf("approle mount: %+v", m)
	}
	cl := find(res.Input, live.KindCluster, "cluster")
	if cl == nil || cl.Attrs["audit_devices"].Value != int64(1) || len(cl.Blocks["root_token"]) != 1 {
		t.Fatalf("cluster: %+v", cl)
	}
	if rt := cl.Blocks["root_token"][0]; rt.Attrs["path"].Value != "auth/token/root" || !strings.HasPrefix(rt.Range.File, "vault://auth/token/accessors/") {
		t.Errorf("root token: %+v", rt)
	}
	if find(res.Input, model.KindServerConfig, "vault://sys/config/state/sanitized") == nil {
		t.Error("no server_config from sys/config/state/sanitized")
	}
	var names []string
	for _, p := range res.Input.Policies {
		names = append(names, p.Name)
		if p.Origin != "vault" || !strings.HasPrefix(p.Range.File, "vault://sys/policies/acl/") || res.Sources[p.Range.File] == nil {
			t.Errorf("policy %s: origin %q, range %v", p.Name, p.Origin, p.Range)
		}
	}
	if !slices.Equal(names, []string{"default", "orders-worker", "payments-api"}) {
		t.Errorf("policies %v (root has no text and is left out)", names)
	}
	for _, p := range res.Input.Policies {
		if p.Name == "orders-worker" && (len(p.Paths) != 1 || p.Paths[0].Pattern != "secret/*" || p.Paths[0].Range.Start.Line != 1) {
			t.Errorf("orders-worker paths: %+v", p.Paths[0])
		}
	}
}

type finding struct{ rule, file string }

func lintInput(t *testing.T, res *live.Result) []finding {
	t.Helper()
	ctx := context.Background()
	l, err := lint.New(ctx, lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := l.RunInput(ctx, res.Input, res.Sources)
	if err != nil {
		t.Fatal(err)
	}
	var out []finding
	for _, f := range r.Report.Findings {
		out = append(out, finding{f.RuleID, f.File})
	}
	return out
}

func has(fs []finding, rule, file string) bool { return slices.Contains(fs, finding{rule, file}) }

func count(fs []finding, rule string) int {
	n := 0
	for _, f := range fs {
		if f.rule == rule {
			n++
		}
	}
	return n
}

// TestClusterChecks covers the checks only the live view makes, on a
// server without audit device, with an unauth-listed mount, a broadened
// default policy, and roles of every method the reader knows.
func TestClusterChecks(t *testing.T) {
	s := server(t)
	s.EnableSecrets(t, "transit", api.MountInput{Type: "transit", Config: api.MountConfigInput{ListingVisibility: "unauth"}})
	def, err := s.Root(t).Sys().GetPolicy("default")
	if err != nil {
		t.Fatal(err)
	}
	s.WritePolicy(t, "default", def+"\npath \"secret/*\" {\n  capabilities = [\"read\"]\n}\n")
	s.WritePolicy(t, "break-glass", "# vaultguard:ignore VG-POL-001 reason=\"reviewed\"\npath \"secret/*\" {\n  capabilities = [\"read\"]\n}\n")
	s.Write(t, "auth/token/roles/ci-deployer", map[string]any{"allowed_policies": []string{"root"}, "token_period": "24h"})
	s.EnableAuth(t, "userpass", api.EnableAuthOptions{Type: "userpass"})
	s.Write(t, "auth/userpass/users/alice", map[string]any{"password": "not-a-real-one-" + s.Unique("p"), "token_ttl": "48h"})
	s.EnableAuth(t, "kubernetes", api.EnableAuthOptions{Type: "kubernetes"})
	s.Write(t, "auth/kubernetes/role/payments", map[string]any{"bound_service_account_names": []string{"payments"}, "bound_service_account_namespaces": []string{"*"}, "token_ttl": "1h", "token_max_ttl": "2h"})
	s.EnableAuth(t, "jwt", api.EnableAuthOptions{Type: "jwt"})
	s.Write(t, "auth/jwt/role/ci", map[string]any{"role_type": "jwt", "user_claim": "sub", "bound_audiences": []string{"vault"}, "token_ttl": "15m", "token_max_ttl": "1h"})

	res, err := live.Read(context.Background(), s.Root(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []struct{ kind, name, method string }{
		{model.KindTokenRole, "ci-deployer", ""},
		{model.KindAuthRole, "alice", "userpass"},
		{model.KindAuthRole, "payments", "kubernetes"},
		{model.KindAuthRole, "ci", "jwt"},
	} {
		o := find(res.Input, k.kind, k.name)
		if o == nil {
			t.Errorf("no %s %s", k.kind, k.name)
			continue
		}
		if m, _ := o.Meta["method"].(string); m != k.method {
			t.Errorf("%s %s: method %q, want %q", k.kind, k.name, m, k.method)
		}
	}
	if o := find(res.Input, model.KindTokenRole, "ci-deployer"); o != nil && (o.Attrs["period"] != nil || o.Attrs["token_period"] == nil) {
		t.Errorf("token role keeps the legacy twin or loses token_period: %v", model.SortedKeys(o.Attrs))
	}
	if u := find(res.Input, model.KindAuthRole, "alice"); u != nil && u.Attrs["password"] != nil {
		t.Error("a userpass user has a password attribute")
	}

	got := lintInput(t, res)
	for _, want := range []finding{
		{"VG-CLU-001", "vault://sys/audit"},
		{"VG-CLU-003", ""}, // checked below: the accessor varies
		{"VG-CLU-004", "vault://sys/mounts/transit#listing_visibility"},
		{"VG-POL-027", "vault://sys/policies/acl/default"},
		{"VG-AUTH-006", "vault://auth/token/roles/ci-deployer#allowed_policies"},
		{"VG-AUTH-004", "vault://auth/userpass/users/alice#token_ttl"},
	} {
		if want.rule == "VG-CLU-003" {
			if count(got, want.rule) != 1 {
				t.Errorf("%d %s findings, want 1", count(got, want.rule), want.rule)
			}
			continue
		}
		if !has(got, want.rule, want.file) {
			t.Errorf("no %s at %s in %v", want.rule, want.file, got)
		}
	}
	for _, f := range got {
		if f.file == "vault://sys/policies/acl/break-glass" {
			t.Errorf("an inline ignore in a live policy's text was not honoured: %v", f)
		}
	}
	if count(got, "VG-CLU-002") != 0 || count(got, "VG-POL-027") != 1 {
		t.Errorf("VG-CLU-002 on no device, or VG-POL-027 beyond the added path: %v", got)
	}
	for _, f := range got {
		if f.file == "vault://auth/kubernetes/role/payments" || f.file == "vault://auth/jwt/role/ci" || strings.HasPrefix(f.file, "vault://auth/jwt/role/ci#") {
			t.Errorf("tight role flagged: %v", f)
		}
	}
}

// TestReadDenied: a token that may read one path gets every other one as
// a denied problem, no error, and no cluster fact, so no cluster finding;
// a token refused everything (expired, revoked) is an error, never a
// clean report.
func TestReadDenied(t *testing.T) {
	s := server(t)
	s.WritePolicy(t, "mounts-only", `path "sys/mounts" { capabilities = ["read"] }`)
	res, err := live.Read(context.Background(), s.TokenClient(t, "mounts-only"))
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, p := range res.Problems {
		if !p.Denied {
			t.Errorf("%s: not a denial: %s", p.Path, p.Err)
		}
		paths = append(paths, p.Path)
	}
	want := []string{"sys/policies/acl", "sys/auth", "sys/audit", "auth/token/accessors", "sys/config/state/sanitized"}
	if !slices.Equal(paths, want) {
		t.Errorf("denied %v, want %v", paths, want)
	}
	if find(res.Input, model.KindMount, "secret") != nil || find(res.Input, model.KindMount, "cubbyhole") == nil {
		t.Errorf("mounts not read: %v", res.Input.Objects)
	}
	if got := lintInput(t, res); len(got) != 0 {
		t.Errorf("findings about what could not be read: %v", got)
	}

	s.WritePolicy(t, "nothing", `path "secret/nothing" { capabilities = ["read"] }`)
	if _, err := live.Read(context.Background(), s.TokenClient(t, "nothing")); err == nil || !strings.Contains(err.Error(), "every read was refused") {
		t.Errorf("a token refused everything: err = %v", err)
	}
}

// TestReadUnreachable: no Vault at the address is an error, not a list of
// problems.
func TestReadUnreachable(t *testing.T) {
	cfg := api.DefaultConfig()
	cfg.Address = "http://127.0.0.1:1"
	cfg.MaxRetries = 0
	c, err := api.NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	c.SetToken("unused")
	if _, err := live.Read(context.Background(), c); err == nil || !strings.Contains(err.Error(), "vault://sys/policies/acl") {
		t.Errorf("err = %v", err)
	}
}

// TestNewClientTokenHelper: without VAULT_TOKEN the token comes from the
// token helper file, as the vault CLI does; requests are logged without it.
func TestNewClientTokenHelper(t *testing.T) {
	for _, k := range []string{"VAULT_TOKEN", "VAULT_NAMESPACE", "VAULT_AGENT_ADDR"} {
		t.Setenv(k, "")
	}
	t.Setenv("VAULT_ADDR", "http://127.0.0.1:1")
	file := filepath.Join(t.TempDir(), ".vault-token")
	if err := os.WriteFile(file, []byte("hvs.helper-token\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := live.NewClient(live.ClientOptions{TokenFile: file})
	if err != nil {
		t.Fatal(err)
	}
	if c.Token() != "hvs.helper-token" {
		t.Errorf("token from the helper file not used")
	}
	if _, err := live.NewClient(live.ClientOptions{TokenFile: filepath.Join(t.TempDir(), "none")}); err == nil {
		t.Error("no token anywhere is not an error")
	}
}

// TestMinimalPolicy: with exactly live.MinimalPolicy nothing is refused,
// and without any one of its blocks something is: every grant is used.
func TestMinimalPolicy(t *testing.T) {
	s := server(t)
	vaulttest.ApplySeed(t, s)
	s.Write(t, "auth/token/roles/ci-deployer", map[string]any{"allowed_policies": []string{"payments-api"}, "token_period": "24h"})
	s.EnableAuth(t, "userpass", api.EnableAuthOptions{Type: "userpass"})
	s.Write(t, "auth/userpass/users/alice", map[string]any{"password": "not-a-real-one-" + s.Unique("p"), "token_ttl": "1h"})
	s.EnableAuth(t, "cert", api.EnableAuthOptions{Type: "cert"})
	s.Write(t, "auth/cert/certs/web", map[string]any{"certificate": selfSignedPEM(t), "token_ttl": "1h"})
	policy := live.MinimalPolicy([]string{"database"}, []string{"transit"})
	ctx := context.Background()

	read := func(name, text string) []live.Problem {
		t.Helper()
		s.WritePolicy(t, name, text)
		res, err := live.Read(ctx, s.TokenClient(t, name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return res.Problems
	}
	if problems := read("vaultguard-read", policy); len(problems) > 0 {
		t.Fatalf("the minimal policy is not enough: %v", problems)
	}
	blocks := strings.Split(policy, "\n\n")
	n := 0
	for i, b := range blocks {
		if !strings.Contains(b, "path \"") {
			continue
		}
		n++
		without := strings.Join(append(slices.Clone(blocks[:i]), blocks[i+1:]...), "\n\n")
		if problems := read(s.Unique("without"), without); len(problems) == 0 {
			t.Errorf("the policy still reads everything without this block:\n%s", b)
		}
		if strings.Contains(b, `"sudo"`) {
			noSudo := strings.Replace(policy, b, strings.Replace(b, `, "sudo"`, "", 1), 1)
			if problems := read(s.Unique("nosudo"), noSudo); len(problems) == 0 {
				t.Errorf("sudo is not needed in:\n%s", b)
			}
		}
	}
	if n < 15 {
		t.Errorf("only %d path blocks found", n)
	}
}

// selfSignedPEM is a CA certificate for a cert auth role.
func selfSignedPEM(t *testing.T) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "web clients"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
}

// TestCloudAndCertRoles: roles of the AWS and certificate auth methods are
// read (with the minimal policy) as auth roles of their method, so the
// role rules check them as they check AppRole's.
func TestCloudAndCertRoles(t *testing.T) {
	s := server(t)
	s.EnableAuth(t, "aws", api.EnableAuthOptions{Type: "aws"})
	s.Write(t, "auth/aws/role/deploy", map[string]any{"auth_type": "iam", "bound_iam_principal_arn": []string{"arn:aws:iam::123456789012:role/deploy"}, "resolve_aws_unique_ids": false, "token_ttl": "768h", "token_max_ttl": "768h"})
	s.EnableAuth(t, "cert", api.EnableAuthOptions{Type: "cert"})
	s.Write(t, "auth/cert/certs/web", map[string]any{"certificate": selfSignedPEM(t), "token_ttl": "1h", "token_max_ttl": "4h"})
	s.WritePolicy(t, "vaultguard-read", live.MinimalPolicy(nil, nil))
	res, err := live.Read(context.Background(), s.TokenClient(t, "vaultguard-read"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) > 0 {
		t.Errorf("the minimal policy does not cover the new roles: %v", res.Problems)
	}
	aws := find(res.Input, model.KindAuthRole, "deploy")
	if aws == nil || aws.Meta["method"] != "aws" || aws.Attrs["token_ttl"] == nil || aws.Attrs["token_ttl"].Value != "768h" {
		t.Fatalf("aws role: %+v", aws)
	}
	web := find(res.Input, model.KindAuthRole, "web")
	if web == nil || web.Meta["method"] != "cert" || web.Range.File != "vault://auth/cert/certs/web" {
		t.Fatalf("cert role: %+v", web)
	}
	if web.Attrs["certificate"] != nil {
		t.Error("the role's PEM certificate became an attribute")
	}
	got := lintInput(t, res)
	want := finding{"VG-AUTH-004", "vault://auth/aws/role/deploy#token_ttl"}
	if !slices.Contains(got, want) {
		t.Errorf("no %v among %v", want, got)
	}
}
