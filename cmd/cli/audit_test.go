package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/vaultguard/vaultguard/auditlog"
)

func vault121(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "samples", "vault-1.21"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared samples not found at %s (expected ../shared beside the module root): %v", dir, err)
	}
	return dir
}

func runCLI(t *testing.T, stdin []byte, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Execute(context.Background(), args, bytes.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

// rawSecrets collects what must never be printed: truth.json's
// secret_values and every token, secret id, password and secret value the
// log_raw log holds in clear.
func rawSecrets(t *testing.T, dir string) []string {
	t.Helper()
	var truth struct {
		SecretValues []string `json:"secret_values"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &truth); err != nil {
		t.Fatal(err)
	}
	set := map[string]bool{}
	for _, v := range truth.SecretValues {
		set[v] = true
	}
	raw, err := os.ReadFile(filepath.Join(dir, "audit-lograw.log"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tok := range regexp.MustCompile(`hv[sbr]\.[A-Za-z0-9_-]{10,}`).FindAll(raw, -1) {
		set[string(tok)] = true
	}
	secretKeys := map[string]bool{"client_token": true, "token": true, "secret_id": true, "password": true,
		"plaintext": true, "ciphertext": true, "connection_url": true, "private_key": true, "secret_key": true}
	var walk func(key string, v any, underSecret bool)
	walk = func(key string, v any, underSecret bool) {
		switch x := v.(type) {
		case map[string]any:
			for k, vv := range x {
				walk(k, vv, underSecret)
			}
		case []any:
			for _, vv := range x {
				walk(key, vv, underSecret)
			}
		case string:
			if (secretKeys[key] || underSecret) && len(x) >= 6 && !strings.HasPrefix(x, "hmac-sha256:") {
				set[x] = true
			}
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var m map[string]any
		if json.Unmarshal(sc.Bytes(), &m) != nil {
			continue
		}
		walk("", m, false)
		// KV v2 read responses: response.data.data holds secret values.
		if resp, ok := m["response"].(map[string]any); ok {
			if d, ok := resp["data"].(map[string]any); ok {
				if inner, ok := d["data"].(map[string]any); ok {
					walk("", inner, true)
				}
			}
		}
	}
	var out []string
	for v := range set {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

// knownPaths are the request paths (and their secret paths) of the logs:
// output may show paths, and one secret value ("ledger") is also a word in
// a path (kv/finance/ledger-db), so paths are removed before grepping.
func knownPaths(t *testing.T, logs ...string) []string {
	t.Helper()
	ins, err := auditlog.ExpandInputs(logs, nil)
	if err != nil {
		t.Fatal(err)
	}
	set := map[string]bool{}
	if _, err := auditlog.Scan(context.Background(), ins, auditlog.Options{}, func(e *auditlog.Entry) error {
		set[e.Request.Path] = true
		set[auditlog.LogicalPath(&e.Request)] = true
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var out []string
	for p := range set {
		if p != "" {
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

func TestAuditNeverPrintsRawSecrets(t *testing.T) {
	dir := vault121(t)
	raw := filepath.Join(dir, "audit-lograw.log")
	hmac := filepath.Join(dir, "audit-file.log")
	secrets := rawSecrets(t, dir)
	if len(secrets) < 20 {
		t.Fatalf("only %d raw secrets collected; the test would prove little", len(secrets))
	}
	paths := knownPaths(t, raw, hmac)
	var someToken string
	for _, s := range secrets {
		if strings.HasPrefix(s, "hvs.") {
			someToken = s
			break
		}
	}
	rawBytes, err := os.ReadFile(raw)
	if err != nil {
		t.Fatal(err)
	}
	commands := [][]string{
		{"audit", "who-read", "*", "--op", "all"},
		{"audit", "who-read", "kv/billing/stripe-connect"},
		{"audit", "who-read", "kv/*", "--op", "read,list,create,delete"},
		{"audit", "who-read", "database/creds/*"},
		{"audit", "who-did", "userpass-carol"},
		{"audit", "who-did", "billing-api"},
		{"audit", "who-did", "root"},
		{"audit", "who-did", "--token", someToken},
		{"audit", "report", "--top", "100"},
	}
	checked := 0
	for _, cmd := range commands {
		for _, format := range []string{"table", "json", "ndjson", "csv"} {
			for _, src := range []string{"lograw", "both", "stdin"} {
				args := append(append([]string{}, cmd...), "--format", format)
				var stdin []byte
				switch src {
				case "lograw":
					args = append(args, raw)
				case "both":
					args = append(args, hmac, raw)
				case "stdin":
					stdin = rawBytes
				}
				out, errOut, code := runCLI(t, stdin, args...)
				if code != ExitOK {
					t.Fatalf("%v: exit %d: %s", args, code, errOut)
				}
				if strings.TrimSpace(out) == "" {
					t.Fatalf("%v: no output", args)
				}
				all := out + errOut
				for _, p := range paths {
					all = strings.ReplaceAll(all, p, "<path>")
				}
				for _, s := range secrets {
					if strings.Contains(all, s) {
						t.Errorf("%v (%s): output contains raw secret %q", cmd, src, s)
					}
				}
				checked++
			}
		}
	}
	t.Logf("%d outputs checked against %d raw values", checked, len(secrets))
}

func TestAuditWhoReadJSONContract(t *testing.T) {
	dir := vault121(t)
	out, errOut, code := runCLI(t, nil, "audit", "who-read", "kv/billing/stripe-connect", "--format", "json", filepath.Join(dir, "audit-file.log"))
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var recs []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &recs); err != nil {
		t.Fatalf("output is not a JSON array: %v\n%s", err, out)
	}
	if len(recs) != 3 {
		t.Fatalf("%d records, want 3 reads (1 allowed, 2 denied)", len(recs))
	}
	keys := func(m map[string]json.RawMessage) string {
		var k []string
		for key := range m {
			k = append(k, key)
		}
		sort.Strings(k)
		return strings.Join(k, ",")
	}
	wantTop := "error,identity,mount_point,mount_type,operation,outcome,path,remote_address,remote_port,request_id,time,token,user_agent"
	for _, r := range recs {
		if got := keys(r); got != wantTop {
			t.Errorf("record keys %s, want %s", got, wantTop)
		}
		var id, tok map[string]json.RawMessage
		_ = json.Unmarshal(r["identity"], &id)
		_ = json.Unmarshal(r["token"], &tok)
		if got := keys(id); got != "auth_method,display_name,entity_id,metadata,policies,role" {
			t.Errorf("identity keys %s", got)
		}
		if got := keys(tok); got != "accessor,ttl,type" {
			t.Errorf("token keys %s", got)
		}
	}
	if !strings.Contains(errOut, "record(s)") {
		t.Errorf("no summary on stderr: %q", errOut)
	}
}

func TestAuditUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"audit", "who-read"},
		{"audit", "who-read", "kv/x", "--format", "xml"},
		{"audit", "who-read", "kv/x", "--since", "yesterday-ish"},
		{"audit", "who-read", "kv/x", "--op", "steal"},
		{"audit", "who-read", "kv/x", "/nonexistent/audit.log"},
		{"audit", "who-did"},
		{"audit", "hash", "x"},
	} {
		_, _, code := runCLI(t, nil, args...)
		if code != ExitInternal {
			t.Errorf("%v: exit %d, want %d", args, code, ExitInternal)
		}
	}
}
