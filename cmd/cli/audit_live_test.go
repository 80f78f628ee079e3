package cli

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/vault/api"

	report "github.com/vaultguard/vaultguard/report/audit"
	"github.com/vaultguard/vaultguard/tools/vaulttest"
)

// TestAuditLiveVault drives a real Vault server (make vault; skipped
// without it): reads, a denial and a write go through a file audit device,
// then who-read, hash (sys/audit-hash) and who-did --token --vault are
// checked against what the test did.
func TestAuditLiveVault(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a Vault server")
	}
	s := vaulttest.Start(t)
	auditLog := s.EnableFileAudit(t, "file", nil)
	s.EnableSecrets(t, "secret", api.MountInput{Type: "kv", Options: map[string]string{"version": "2"}})
	s.WritePolicy(t, "payments-reader", `path "secret/data/payments/*" { capabilities = ["read"] }`)
	const secretValue = "sk_live_vaultguard_live_test_4242"
	s.Write(t, "secret/data/payments/stripe", map[string]any{"data": map[string]any{"api_key": secretValue}})
	token := s.Token(t, "payments-reader")
	c := s.Client(t, token)
	ctx := context.Background()
	if _, err := c.Logical().ReadWithContext(ctx, "secret/data/payments/stripe"); err != nil {
		t.Fatalf("allowed read: %v", err)
	}
	if _, err := c.Logical().ReadWithContext(ctx, "secret/data/finance/ledger"); err == nil {
		t.Fatal("read outside the policy was not denied")
	}

	records := func(args ...string) []report.Record {
		t.Helper()
		out, errOut, code := runCLI(t, nil, append(args, "--format", "ndjson", auditLog)...)
		if code != ExitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		if strings.Contains(out+errOut, token) || strings.Contains(out+errOut, secretValue) {
			t.Fatalf("%v printed the token or the secret", args)
		}
		var rs []report.Record
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			if l == "" {
				continue
			}
			var r report.Record
			if err := json.Unmarshal([]byte(l), &r); err != nil {
				t.Fatalf("bad ndjson line %q: %v", l, err)
			}
			rs = append(rs, r)
		}
		return rs
	}

	got := records("audit", "who-read", "secret/payments/stripe")
	if len(got) != 1 || got[0].Outcome != report.OutcomeAllowed || got[0].Path != "secret/data/payments/stripe" ||
		got[0].RemoteAddress != "127.0.0.1" || !strings.HasPrefix(got[0].Identity.DisplayName, "token") || got[0].Identity.AuthMethod != "token" {
		t.Fatalf("who-read secret/payments/stripe = %+v, want one allowed read by the reader token", got)
	}
	readerAccessor := got[0].Token.Accessor
	if all := records("audit", "who-read", "secret/payments/stripe", "--op", "all"); len(all) != 2 {
		t.Errorf("--op all: %d records, want the root write and the read", len(all))
	}
	if denied := records("audit", "who-read", "secret/finance/ledger"); len(denied) != 1 || denied[0].Outcome != report.OutcomeDenied {
		t.Errorf("who-read secret/finance/ledger = %+v, want one denied read", denied)
	}

	// hash asks sys/audit-hash with the root token from the environment.
	s.Setenv(t, s.Root(t).Token())
	out, errOut, code := runCLI(t, []byte(token+"\n"), "audit", "hash", "--vault", "file/", "-")
	if code != ExitOK {
		t.Fatalf("hash: exit %d: %s", code, errOut)
	}
	hmac := strings.TrimSpace(out)
	logBytes, err := os.ReadFile(auditLog)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hmac, "hmac-sha256:") || !strings.Contains(string(logBytes), hmac) {
		t.Fatalf("hash %q is not the token's HMAC in the log", hmac)
	}
	// The token's own creation (its HMAC is in the response's auth) comes
	// first: where a leaked token came from is the next question.
	did := records("audit", "who-did", "--token", token, "--vault", "file/")
	if len(did) != 3 || did[0].Path != "auth/token/create-orphan" && did[0].Path != "auth/token/create" {
		t.Fatalf("who-did --token --vault: %d records, want the token's creation and its 2 requests: %+v", len(did), did)
	}
	for _, r := range did[1:] {
		if r.Token.Accessor != readerAccessor {
			t.Errorf("who-did record with accessor %q, want %q", r.Token.Accessor, readerAccessor)
		}
	}
	if byAcc := records("audit", "who-did", readerAccessor); len(byAcc) != 3 {
		t.Errorf("who-did ACCESSOR: %d records, want the creation and 2 requests", len(byAcc))
	}
}
