package vaulttest_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/vault/api"

	"github.com/vaultguard/vaultguard/tools/vaulttest"
)

var update = flag.Bool("update", false, "rewrite testdata/api-shapes.md from the running Vault")

// shapeRequest is one read the live linter will make.
type shapeRequest struct {
	title  string
	method string // GET, LIST or POST
	path   string
	body   map[string]any
	token  string // "" is the root token; "denied" a token with no policy
}

// TestAPIShapes records what Vault answers to the reads the live linter
// makes, normalised (ids, accessors, times, ports, temp paths) so the file is
// stable, and fails when the pinned Vault answers differently from
// testdata/api-shapes.md. Refresh with: go test ./tools/vaulttest -run TestAPIShapes -update
func TestAPIShapes(t *testing.T) {
	s := vaulttest.Start(t)
	vaulttest.ApplySeed(t, s)
	// Objects the seed does not have but the linter reads.
	s.Write(t, "auth/token/roles/ci-deployer", map[string]any{
		"allowed_policies":       []string{"payments-api"},
		"orphan":                 true,
		"token_period":           "24h",
		"token_explicit_max_ttl": 0,
	})
	s.Write(t, "sys/mounts/transit/tune", map[string]any{
		"default_lease_ttl": "1h", "max_lease_ttl": "24h", "listing_visibility": "unauth",
	})
	s.EnableAuth(t, "userpass", api.EnableAuthOptions{Type: "userpass"})
	s.Write(t, "auth/userpass/users/alice", map[string]any{
		"password":       randomString(t), // never a literal in a committed file
		"token_policies": []string{"payments-api"},
		"token_ttl":      "8h",
	})
	s.EnableAuth(t, "kubernetes", api.EnableAuthOptions{Type: "kubernetes"})
	s.Write(t, "auth/kubernetes/role/payments", map[string]any{
		"bound_service_account_names":      []string{"payments-api"},
		"bound_service_account_namespaces": []string{"*"},
		"token_policies":                   []string{"payments-api"},
		"token_ttl":                        "1h",
	})
	s.EnableAuth(t, "jwt", api.EnableAuthOptions{Type: "jwt"})
	s.Write(t, "auth/jwt/role/ci", map[string]any{
		"role_type":         "jwt",
		"user_claim":        "sub",
		"bound_audiences":   []string{"vault"},
		"bound_claims":      map[string]any{"repository": "vaultguard/*"},
		"bound_claims_type": "glob",
		"token_policies":    []string{"orders-worker"},
		"token_ttl":         "15m",
	})
	s.Write(t, "transit/keys/signing", map[string]any{"type": "ed25519"})
	s.WritePolicy(t, "lint-probe", `path "sys/mounts" { capabilities = ["read"] }`)
	probe := s.Token(t, "lint-probe")
	self, err := s.Root(t).Auth().Token().LookupSelfWithContext(context.Background())
	if err != nil {
		t.Fatalf("lookup-self: %v", err)
	}
	rootAccessor, _ := self.Data["accessor"].(string)

	reqs := []shapeRequest{
		{title: "List ACL policies", method: "LIST", path: "sys/policies/acl"},
		{title: "Read an ACL policy", method: "GET", path: "sys/policies/acl/orders-worker"},
		{title: "Auth methods", method: "GET", path: "sys/auth"},
		{title: "Tune of an auth mount", method: "GET", path: "sys/auth/approle/tune"},
		{title: "List AppRole roles", method: "LIST", path: "auth/approle/role"},
		{title: "Read an AppRole role (tight)", method: "GET", path: "auth/approle/role/payments-api"},
		{title: "Read an AppRole role (sloppy)", method: "GET", path: "auth/approle/role/orders-worker"},
		{title: "List token roles", method: "LIST", path: "auth/token/roles"},
		{title: "Read a token role", method: "GET", path: "auth/token/roles/ci-deployer"},
		{title: "Secrets engines (transit tuned: default_lease_ttl=1h, max_lease_ttl=24h, listing_visibility=unauth)", method: "GET", path: "sys/mounts"},
		{title: "Tune of a secrets engine", method: "GET", path: "sys/mounts/transit/tune"},
		{title: "List database connections", method: "LIST", path: "database/config"},
		{title: "Read a database connection", method: "GET", path: "database/config/payments-db"},
		{title: "List database roles", method: "LIST", path: "database/roles"},
		{title: "Read a database role", method: "GET", path: "database/roles/payments-readonly"},
		{title: "List transit keys", method: "LIST", path: "transit/keys"},
		{title: "Read a transit key", method: "GET", path: "transit/keys/payments"},
		{title: "Read an asymmetric transit key", method: "GET", path: "transit/keys/signing"},
		{title: "Audit devices", method: "GET", path: "sys/audit"},
		{title: "Sanitized server configuration", method: "GET", path: "sys/config/state/sanitized"},
		{title: "Capabilities of another token (token in the body, not shown)", method: "POST", path: "sys/capabilities",
			body: map[string]any{"token": probe, "paths": []string{"sys/mounts", "secret/data/x"}}},
		{title: "Capabilities of the calling token", method: "POST", path: "sys/capabilities-self",
			body: map[string]any{"paths": []string{"secret/data/payments/config", "sys/audit"}}},
		{title: "List token accessors (root-token check)", method: "LIST", path: "auth/token/accessors"},
		{title: "Look up the root token's accessor", method: "POST", path: "auth/token/lookup-accessor",
			body: map[string]any{"accessor": rootAccessor}},
		{title: "List userpass users", method: "LIST", path: "auth/userpass/users"},
		{title: "Read a userpass user", method: "GET", path: "auth/userpass/users/alice"},
		{title: "List Kubernetes auth roles", method: "LIST", path: "auth/kubernetes/role"},
		{title: "Read a Kubernetes auth role", method: "GET", path: "auth/kubernetes/role/payments"},
		{title: "List JWT/OIDC roles", method: "LIST", path: "auth/jwt/role"},
		{title: "Read a JWT role", method: "GET", path: "auth/jwt/role/ci"},
		{title: "Policies listed by a token without the right", method: "LIST", path: "sys/policies/acl", token: "probe"},
		{title: "A read the token's policy denies", method: "GET", path: "sys/audit", token: "probe"},
		{title: "Sanitized config without sudo", method: "GET", path: "sys/config/state/sanitized", token: "probe"},
		{title: "A list with nothing in it", method: "LIST", path: "database/static-roles"},
		{title: "A path that does not exist", method: "GET", path: "auth/approle/role/nope"},
	}

	var b strings.Builder
	fmt.Fprintf(&b, "\nRecorded from Vault %s by `go test ./tools/vaulttest -run TestAPIShapes -update`.\n", s.Version)
	for _, r := range reqs {
		token := ""
		if r.token == "probe" {
			token = probe
		}
		status, body := rawRequest(t, s, token, r)
		fmt.Fprintf(&b, "\n## %s\n\n`%s /v1/%s` → %d\n\n```json\n%s\n```\n", r.title, r.method, r.path, status, normalise(t, s, body))
	}

	golden := filepath.Join("testdata", "api-shapes.md")
	old, err := os.ReadFile(golden)
	if err != nil && (!*update || !errors.Is(err, os.ErrNotExist)) {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	notes, want, found := strings.Cut(string(old), generatedMarker)
	if !found {
		notes, want = "# Vault API response shapes\n\n", ""
	}
	if *update {
		if err := os.WriteFile(golden, []byte(notes+generatedMarker+b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got := b.String(); got != want {
		t.Errorf("Vault's answers differ from %s; inspect the diff and refresh with -update:\n%s", golden, firstDiff(want, got))
	}
}

func rawRequest(t *testing.T, s *vaulttest.Server, token string, r shapeRequest) (int, []byte) {
	t.Helper()
	var c *api.Client
	if token == "" {
		c = s.Root(t)
	} else {
		c = s.Client(t, token)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var resp *api.Response
	var err error
	switch r.method {
	case "GET":
		resp, err = c.Logical().ReadRawWithDataWithContext(ctx, r.path, nil)
	case "LIST": // sent as GET ?list=true, like api.Logical().List
		resp, err = c.Logical().ReadRawWithDataWithContext(ctx, r.path, map[string][]string{"list": {"true"}})
	case "POST":
		// Not Logical().WriteRaw: it cancels its context on return, before
		// the caller reads the body (vault/api v1.23.0).
		body, jerr := json.Marshal(r.body)
		if jerr != nil {
			t.Fatal(jerr)
		}
		req, rerr := http.NewRequestWithContext(ctx, http.MethodPost, s.Addr+"/v1/"+r.path, bytes.NewReader(body))
		if rerr != nil {
			t.Fatal(rerr)
		}
		req.Header.Set("X-Vault-Token", c.Token())
		req.Header.Set("X-Vault-Request", "true")
		hresp, herr := c.CloneConfig().HttpClient.Do(req)
		if herr != nil {
			t.Fatalf("%s %s: %v", r.method, r.path, herr)
		}
		defer hresp.Body.Close()
		b, rerr := io.ReadAll(hresp.Body)
		if rerr != nil {
			t.Fatalf("%s %s: read body: %v", r.method, r.path, rerr)
		}
		return hresp.StatusCode, b
	default:
		t.Fatalf("unknown method %s", r.method)
	}
	if resp == nil {
		t.Fatalf("%s %s: %v", r.method, r.path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: read body: %v", r.method, r.path, err)
	}
	if resp.StatusCode == http.StatusNoContent {
		return resp.StatusCode, []byte("null")
	}
	return resp.StatusCode, body
}

var (
	uuidRE     = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	accessorRE = regexp.MustCompile(`^[a-z_]+_[0-9a-f]{8}$`)
	portRE     = regexp.MustCompile(`127\.0\.0\.1:\d{4,5}\b`) // the server's free ports, not the seed's :1
	rfc3339RE  = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d`)
	// token accessors: 24 random letters and digits
	tokenAccessorRE = regexp.MustCompile(`^[A-Za-z0-9]{24}$`)
)

// normalise replaces what changes from run to run with placeholders of the
// same JSON type, so that the file shows types and stays stable.
func normalise(t *testing.T, s *vaulttest.Server, body []byte) string {
	t.Helper()
	var v any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("decode %q: %v", body, err)
	}
	dir, err := filepath.EvalSymlinks(s.Dir)
	if err != nil {
		dir = s.Dir
	}
	var walk func(key string, v any) any
	walk = func(key string, v any) any {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				x[k] = walk(k, e)
			}
			if key == "keys" { // transit: version -> creation time (unix seconds)
				for k, e := range x {
					if _, ok := e.(json.Number); ok {
						x[k] = json.Number("1700000000")
					}
				}
			}
			return x
		case []any:
			for i, e := range x {
				x[i] = walk(key, e)
			}
			return x
		case json.Number:
			if key == "creation_time" || key == "last_renewal_time" { // unix seconds
				return json.Number("1700000000")
			}
		case string:
			switch {
			case uuidRE.MatchString(x):
				return "<uuid>"
			case accessorRE.MatchString(x): // mount accessors: auth_approle_1a2b3c4d
				return x[:strings.LastIndexByte(x, '_')+1] + "<hex8>"
			case key == "public_key" && x != "":
				return "<public-key>"
			case rfc3339RE.MatchString(x):
				return "<rfc3339>"
			case (key == "keys" || key == "accessor") && tokenAccessorRE.MatchString(x):
				return "<token-accessor>"
			}
			x = strings.ReplaceAll(x, dir, "<dir>")
			x = strings.ReplaceAll(x, s.Dir, "<dir>")
			return portRE.ReplaceAllString(x, "127.0.0.1:<port>")
		}
		return v
	}
	v = walk("", v)
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(out.String(), "\n")
}

func randomString(t *testing.T) string {
	t.Helper()
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n  file: %q\n  now:  %q", i+1, w, g)
		}
	}
	return "(no line differs)"
}

// generatedMarker separates the hand-written notes at the top of
// api-shapes.md, kept by -update, from the recorded responses below it.
const generatedMarker = "<!-- Everything below is generated by TestAPIShapes; edit the notes above. -->\n"
