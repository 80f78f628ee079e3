package auditlog

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
	"time"
)

// refDecode is the reference the hand-rolled decoder is checked against:
// encoding/json into a generic map, then the same field picks. It is slow
// and obviously right, which is the point.
func refDecode(data []byte) (Entry, error) {
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		return Entry{}, err
	}
	if m == nil {
		return Entry{}, errors.New("null")
	}
	var e Entry
	if s, ok := m["time"].(string); ok {
		e.Time = parseTimeRef(s)
	}
	e.Type, _ = m["type"].(string)
	e.Error, _ = m["error"].(string)
	e.Auth = refAuth(m["auth"])
	if r, ok := m["request"].(map[string]any); ok {
		e.Request.ID, _ = r["id"].(string)
		e.Request.Operation, _ = r["operation"].(string)
		e.Request.Path, _ = r["path"].(string)
		e.Request.MountPoint, _ = r["mount_point"].(string)
		e.Request.MountType, _ = r["mount_type"].(string)
		e.Request.MountClass, _ = r["mount_class"].(string)
		if ns, ok := r["namespace"].(map[string]any); ok {
			e.Request.NamespaceID, _ = ns["id"].(string)
			e.Request.NamespacePath, _ = ns["path"].(string)
		}
		e.Request.RemoteAddress, _ = r["remote_address"].(string)
		if p, ok := refInt(r["remote_port"]); ok && p >= 0 && p <= math.MaxInt32 {
			e.Request.RemotePort = int(p)
		}
		e.Request.ClientToken, _ = r["client_token"].(string)
		e.Request.ClientTokenAccessor, _ = r["client_token_accessor"].(string)
		if h, ok := r["headers"].(map[string]any); ok {
			if l := refStrings(h["user-agent"]); len(l) > 0 {
				e.Request.UserAgent = l[0]
			}
		}
		e.Request.PolicyOverride, _ = r["policy_override"].(bool)
		if d, ok := r["data"].(map[string]any); ok {
			e.Request.NoParent, _ = d["no_parent"].(bool)
		}
	}
	if r, ok := m["response"].(map[string]any); ok {
		e.Response.Present = true
		if sec, ok := r["secret"].(map[string]any); ok {
			e.Response.LeaseID, _ = sec["lease_id"].(string)
		}
		if d, ok := r["data"].(map[string]any); ok {
			for k, v := range d {
				e.Response.DataKeys = append(e.Response.DataKeys, k)
				if inner, ok := v.(map[string]any); ok && k == "data" {
					for ik := range inner {
						e.Response.DataKeys = append(e.Response.DataKeys, "data."+ik)
					}
				}
			}
		}
		e.Response.Auth = refAuth(r["auth"])
	}
	return e, nil
}

func parseTimeRef(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func refInt(v any) (int64, bool) {
	f, ok := v.(float64)
	if !ok {
		return 0, false
	}
	return floatToInt(f)
}

func refStrings(v any) []string {
	l, ok := v.([]any)
	if !ok {
		return nil
	}
	out := []string{}
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func refAuth(v any) Auth {
	a, ok := v.(map[string]any)
	if !ok {
		return Auth{}
	}
	out := Auth{Present: true}
	out.ClientToken, _ = a["client_token"].(string)
	out.Accessor, _ = a["accessor"].(string)
	out.DisplayName, _ = a["display_name"].(string)
	out.EntityID, _ = a["entity_id"].(string)
	out.Policies = refStrings(a["policies"])
	out.TokenPolicies = refStrings(a["token_policies"])
	out.IdentityPolicies = refStrings(a["identity_policies"])
	if md, ok := a["metadata"].(map[string]any); ok {
		out.Metadata = []KV{}
		for k, v := range md {
			if s, ok := v.(string); ok {
				out.Metadata = append(out.Metadata, KV{k, s})
			}
		}
	}
	out.TokenType, _ = a["token_type"].(string)
	out.TokenTTL, _ = refInt(a["token_ttl"])
	if pr, ok := a["policy_results"].(map[string]any); ok {
		out.PolicyResults.Present = true
		out.PolicyResults.Allowed, _ = pr["allowed"].(bool)
		if gp, ok := pr["granting_policies"].([]any); ok {
			out.PolicyResults.GrantingPolicies = []string{}
			for _, g := range gp {
				if gm, ok := g.(map[string]any); ok {
					if n, _ := gm["name"].(string); n != "" {
						out.PolicyResults.GrantingPolicies = append(out.PolicyResults.GrantingPolicies, n)
					}
				}
			}
		}
	}
	return out
}

// normalize makes two decodings comparable: set-like lists sorted, empty
// and nil lists alike.
func normalize(e Entry) Entry {
	e.Pos = Position{}
	e.Time = e.Time.UTC()
	normAuth := func(a *Auth) {
		for _, l := range []*[]string{&a.Policies, &a.TokenPolicies, &a.IdentityPolicies, &a.PolicyResults.GrantingPolicies} {
			if len(*l) == 0 {
				*l = nil
			}
		}
		sort.Slice(a.Metadata, func(i, j int) bool { return a.Metadata[i].Key < a.Metadata[j].Key })
		if len(a.Metadata) == 0 {
			a.Metadata = nil
		}
	}
	normAuth(&e.Auth)
	normAuth(&e.Response.Auth)
	keys := map[string]bool{}
	for _, k := range e.Response.DataKeys {
		keys[k] = true
	}
	e.Response.DataKeys = nil
	for k := range keys {
		e.Response.DataKeys = append(e.Response.DataKeys, k)
	}
	sort.Strings(e.Response.DataKeys)
	return e
}

// checkAgainstRef fails when the reference accepts data and the decoder
// disagrees. The decoder may accept more than the reference (it does not
// validate skipped values) but must never panic.
func checkAgainstRef(t *testing.T, data []byte) {
	t.Helper()
	var got Entry
	gotErr := NewDecoder().Decode(data, &got)
	want, wantErr := refDecode(data)
	if wantErr != nil {
		return
	}
	if gotErr != nil {
		t.Fatalf("decoder rejected what encoding/json accepts: %v\ninput: %q", gotErr, data)
	}
	g, w := normalize(got), normalize(want)
	if !g.Time.Equal(w.Time) {
		t.Fatalf("time: got %v want %v\ninput: %q", g.Time, w.Time, data)
	}
	g.Time, w.Time = time.Time{}, time.Time{}
	if !reflect.DeepEqual(g, w) {
		t.Fatalf("decoder disagrees with encoding/json\n got: %+v\nwant: %+v\ninput: %q", g, w, data)
	}
}

// samplesDir locates ../shared/samples relative to the module root (CI runs
// from a clone with shared/ beside it) and skips the test when it is absent.
func samplesDir(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "shared", "samples"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared samples not found at %s (expected ../shared beside the module root): %v", dir, err)
	}
	return dir
}

func sampleLines(t testing.TB, path string) [][]byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][]byte
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		out = append(out, append([]byte(nil), sc.Bytes()...))
	}
	return out
}

func TestDecodeMatchesEncodingJSON(t *testing.T) {
	dir := samplesDir(t)
	for _, name := range []string{"vault-1.21/audit-file.log", "vault-1.21/audit-lograw.log",
		"auditlog/elastic_integrations_test-audit.log", "auditlog/elastic_integrations_test-faked-all-fields.log",
		"auditlog/elastic_integrations_audit.log"} {
		t.Run(name, func(t *testing.T) {
			for _, l := range sampleLines(t, filepath.Join(dir, name)) {
				checkAgainstRef(t, l)
			}
		})
	}
}

func TestDecodeFields(t *testing.T) {
	line := `{"auth":{"accessor":"acc","client_token":"tok","display_name":"approle","entity_id":"e1","metadata":{"role_name":"billing-api"},"policies":["billing-api","default"],"policy_results":{"allowed":true,"granting_policies":[{"type":""},{"name":"billing-api","namespace_id":"root","type":"acl"}]},"token_policies":["billing-api","default"],"token_ttl":1200,"token_type":"service"},"request":{"client_token_accessor":"acc","headers":{"user-agent":["curl/8"]},"id":"r1","mount_class":"secret","mount_point":"kv/","mount_type":"kv","namespace":{"id":"root"},"operation":"read","path":"kv/data/a\/b","remote_address":"127.0.1.20","remote_port":38399},"response":{"secret":{"lease_id":"database/creds/x/abc"},"data":{"data":{"secret_key":"v"},"metadata":{"version":1}}},"time":"2026-11-25T20:42:36.969549736Z","type":"response","error":"permission denied"}`
	var e Entry
	if err := NewDecoder().Decode([]byte(line), &e); err != nil {
		t.Fatal(err)
	}
	want := time.Date(2026, 11, 25, 20, 42, 36, 969549736, time.UTC)
	if !e.Time.Equal(want) || e.Type != "response" || e.Error != "permission denied" {
		t.Errorf("top: %+v", e)
	}
	if e.Auth.DisplayName != "approle" || e.Auth.Meta("role_name") != "billing-api" || e.Auth.TokenTTL != 1200 ||
		!e.Auth.PolicyResults.Allowed || !reflect.DeepEqual(e.Auth.PolicyResults.GrantingPolicies, []string{"billing-api"}) {
		t.Errorf("auth: %+v", e.Auth)
	}
	if e.Request.Path != "kv/data/a/b" || e.Request.RemotePort != 38399 || e.Request.UserAgent != "curl/8" || e.Request.NamespaceID != "root" {
		t.Errorf("request: %+v", e.Request)
	}
	if e.Response.LeaseID != "database/creds/x/abc" || !reflect.DeepEqual(e.Response.DataKeys, []string{"data", "data.secret_key", "metadata"}) {
		t.Errorf("response: %+v", e.Response)
	}
	checkAgainstRef(t, []byte(line))
}

func TestDecodeErrors(t *testing.T) {
	for _, in := range []string{
		``, `   `, `[]`, `{"time":"x"`, `{"request":{"path":"a"}`, `{"a":tru}`, `{"a":1}x`,
		`{"type":"\q"}`, `{"a" 1}`, `{"a":1,}`, `{"a":01}`, "\x00\x01garbage", `{"a":"unterminated}`,
	} {
		var e Entry
		if err := NewDecoder().Decode([]byte(in), &e); err == nil {
			t.Errorf("Decode(%q) = nil error, want one", in)
		}
	}
}

func FuzzDecode(f *testing.F) {
	seeds := []string{
		`{"time":"2026-11-25T20:42:29.765196387Z","type":"request","request":{"id":"x","path":"kv/data/a"}}`,
		`{"auth":{"metadata":{"a":"b","a":1},"policies":["x",1,null]},"type":"response"}`,
		`{"request":{"remote_port":1e3,"headers":{"user-agent":["a","b"]}},"response":{"data":{"data":{"k":1},"keys":3}}}`,
		`{"time":"2026-02-29T00:00:00Z","error":"\ud800\u00e9\"x"}`,
		"{\"type\":\"\xff\xfe\",\"\\u0074ime\":\"2024-01-01T00:00:00.1+02:00\"}",
		`{"request":{"policy_override":true,"data":{"no_parent":true,"no_parent":false,"x":{"no_parent":true}}}}`,
	}
	if dir, err := filepath.Abs(filepath.Join("..", "..", "shared", "samples", "vault-1.21", "audit-file.log")); err == nil {
		if b, err := os.ReadFile(dir); err == nil {
			for i, l := range bytes.Split(b, []byte("\n")) {
				if i%10 == 0 {
					seeds = append(seeds, string(l))
				}
			}
		}
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkAgainstRef(t, data)
	})
}

func TestDecodeReadsPolicyOverrideAndNoParentOnly(t *testing.T) {
	line := []byte(`{"type":"request","request":{"id":"r1","path":"auth/token/create","policy_override":true,` +
		`"data":{"policies":["hmac-sha256:abc"],"no_parent":true,"ttl":"hmac-sha256:def"}},"time":"2026-11-25T10:00:00Z"}`)
	got, err := refDecode(line)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Request.PolicyOverride || !got.Request.NoParent {
		t.Fatalf("reference decoder: %+v", got.Request)
	}
	var e Entry
	if err := NewDecoder().Decode(line, &e); err != nil {
		t.Fatal(err)
	}
	if !e.Request.PolicyOverride || !e.Request.NoParent || e.Request.Path != "auth/token/create" {
		t.Fatalf("decoder: %+v", e.Request)
	}
}
