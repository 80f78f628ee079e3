package cli

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/vault/api"

	"github.com/vaultguard/vaultguard/report"
	"github.com/vaultguard/vaultguard/tools/vaulttest"
)

// liveFinding is what the live lint tests compare: the rule and the
// vault:// location (with the line inside a policy's text).
type liveFinding struct {
	Rule string
	File string
	Line int
}

// seedFindings is the exact set `vaultguard lint --vault` reports on the
// seed deployment (vaulttest.ApplySeed) with the policy `vaultguard policy`
// prints written as vaultguard-read.
var seedFindings = []liveFinding{
	// orders-worker, the sloppy AppRole role.
	{"VG-AUTH-001", "vault://auth/approle/role/orders-worker#secret_id_num_uses", 0},
	{"VG-AUTH-002", "vault://auth/approle/role/orders-worker#secret_id_ttl", 0},
	{"VG-AUTH-004", "vault://auth/approle/role/orders-worker#token_max_ttl", 0},
	{"VG-AUTH-004", "vault://auth/approle/role/orders-worker#token_ttl", 0},
	// one file audit device.
	{"VG-CLU-002", "vault://sys/audit/file", 0},
	// the root token operator init printed, which the harness keeps for setup.
	{"VG-CLU-003", "vault://auth/token/accessors/ROOT", 0},
	// the database connection the seed points at 127.0.0.1:1 without TLS.
	{"VG-DB-004", "vault://database/config/payments-db#connection_url", 0},
	// (Nothing on the built-in default policy: its own globs are Vault's.)
	// path "secret/*" and the payments glob.
	{"VG-POL-001", "vault://sys/policies/acl/orders-worker", 1},
	{"VG-POL-001", "vault://sys/policies/acl/payments-api", 1},
	// The rules' verdict on the minimal policy itself: + segments are globs
	// (VG-POL-001; auth/+/... spans every auth method) and sudo on
	// sys/audit (VG-POL-003). See minimalPolicyFindings.
	// the server itself (sys/config/state/sanitized): shamir, no lease TTLs.
	{"VG-SRV-005", "vault://sys/config/state/sanitized", 0},
	{"VG-SRV-007", "vault://sys/config/state/sanitized", 0},
	{"VG-SRV-007", "vault://sys/config/state/sanitized", 0},
	// the transit key never rotates.
	{"VG-TRN-003", "vault://transit/keys/payments#auto_rotate_period", 0},
}

// minimalPolicyFindings are the findings on the policy `vaultguard policy`
// prints once it is written as vaultguard-read, at the lines of its blocks.
func minimalPolicyFindings(t *testing.T, policy string, omit ...string) []liveFinding {
	t.Helper()
	var out []liveFinding
	for _, f := range []struct{ rule, pattern string }{
		{"VG-POL-001", "sys/policies/acl/+"},
		{"VG-POL-003", "sys/audit"},
		{"VG-POL-001", "auth/+/role"},
		{"VG-POL-001", "auth/+/role/+"},
		{"VG-POL-001", "auth/+/users"},
		{"VG-POL-001", "auth/+/users/+"},
		{"VG-POL-001", "auth/+/certs"},
		{"VG-POL-001", "auth/+/certs/+"},
		{"VG-POL-001", "auth/token/roles/+"},
		{"VG-POL-001", "database/config/+"},
		{"VG-POL-001", "database/roles/+"},
		{"VG-POL-001", "transit/keys/+"},
	} {
		if slices.Contains(omit, f.pattern) {
			continue
		}
		line := 0
		for i, l := range strings.Split(policy, "\n") {
			if l == `path "`+f.pattern+`" {` {
				line = i + 1
			}
		}
		if line == 0 {
			t.Fatalf("no block for %q in the policy:\n%s", f.pattern, policy)
		}
		out = append(out, liveFinding{f.rule, "vault://sys/policies/acl/vaultguard-read", line})
	}
	return out
}

// lintVault runs `vaultguard lint --vault --format json` in-process against
// the environment Setenv prepared and returns the findings, with the root
// token's accessor replaced by ROOT.
func lintVaultJSON(t *testing.T, args ...string) (got []liveFinding, stderr string, code int) {
	t.Helper()
	out, errOut, code := run(t, append([]string{"lint", "--vault", "--format", "json"}, args...)...)
	if code == ExitInternal {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep struct {
		Findings []struct {
			RuleID string `json:"rule_id"`
			File   string `json:"file"`
			Range  report.Range
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("json output: %v\n%s", err, out)
	}
	for _, f := range rep.Findings {
		file := f.File
		if rest, ok := strings.CutPrefix(file, "vault://auth/token/accessors/"); ok && rest != "" {
			file = "vault://auth/token/accessors/ROOT"
		}
		got = append(got, liveFinding{f.RuleID, file, f.Range.Start.Line})
	}
	return got, errOut, code
}

func sortFindings(fs []liveFinding) []liveFinding {
	out := slices.Clone(fs)
	slices.SortFunc(out, func(a, b liveFinding) int {
		if c := strings.Compare(a.Rule, b.Rule); c != 0 {
			return c
		}
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
	return out
}

func compareFindings(t *testing.T, got, want []liveFinding) {
	t.Helper()
	got, want = sortFindings(got), sortFindings(want)
	if !slices.Equal(got, want) {
		var b strings.Builder
		for _, f := range got {
			if !slices.Contains(want, f) {
				b.WriteString("unexpected " + f.Rule + " " + f.File + "\n")
			}
		}
		for _, f := range want {
			if !slices.Contains(got, f) {
				b.WriteString("missing    " + f.Rule + " " + f.File + "\n")
			}
		}
		t.Errorf("findings differ (%d got, %d want):\n%sgot: %v", len(got), len(want), b.String(), got)
	}
}

// seededVault starts a real Vault with the seed deployment and returns it
// with the policy `vaultguard policy` prints, not yet written.
func seededVault(t *testing.T) (*vaulttest.Server, string) {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a Vault server")
	}
	s := vaulttest.Start(t)
	vaulttest.ApplySeed(t, s)
	policy, errOut, code := run(t, "policy")
	if code != ExitOK {
		t.Fatalf("vaultguard policy: exit %d: %s", code, errOut)
	}
	return s, policy
}

// TestLiveLintSeed is issue 6's "Done when": a real Vault with the seed
// deployment, a token holding exactly the policy `vaultguard policy`
// prints, and `vaultguard lint --vault` through the real root command.
func TestLiveLintSeed(t *testing.T) {
	s, policy := seededVault(t)
	s.WritePolicy(t, "vaultguard-read", policy)
	token := s.Token(t, "vaultguard-read")
	s.Setenv(t, token)

	got, stderr, code := lintVaultJSON(t, "--verbose")
	compareFindings(t, got, append(slices.Clone(seedFindings), minimalPolicyFindings(t, policy)...))
	if code != ExitFindings {
		t.Errorf("exit %d, want %d", code, ExitFindings)
	}
	if strings.Contains(stderr, "warning:") {
		t.Errorf("the minimal policy left a path unread:\n%s", stderr)
	}
	// --verbose logs every request, and never the token.
	for _, want := range []string{"vault: LIST /v1/sys/policies/acl -> 200", "vault: GET /v1/sys/audit -> 200", "vault: GET /v1/sys/config/state/sanitized -> 200", "vault: PUT /v1/auth/token/lookup-accessor -> 200"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("verbose log lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, token) {
		t.Error("the token was printed")
	}

	// The same run in SARIF: a vault:// location is a valid artifact URI.
	out, errOut, _ := run(t, "lint", "--vault", "--format", "sarif")
	if !strings.Contains(out, `"uri": "vault://auth/approle/role/orders-worker#secret_id_num_uses"`) || strings.Contains(out+errOut, token) {
		t.Errorf("sarif output lacks the vault:// location or prints the token:\n%s", out)
	}
}

// TestLiveLintDenied takes one permission away (sys/audit): the run warns
// with the path, lints everything else, and says nothing about audit
// devices it could not see.
func TestLiveLintDenied(t *testing.T) {
	s, policy := seededVault(t)
	cut := "path \"sys/audit\" {\n  capabilities = [\"read\", \"sudo\"]\n}\n"
	if !strings.Contains(policy, cut) {
		t.Fatalf("policy has no sys/audit block:\n%s", policy)
	}
	policy = strings.Replace(policy, cut, "", 1)
	s.WritePolicy(t, "vaultguard-read", policy)
	s.Setenv(t, s.Token(t, "vaultguard-read"))

	got, stderr, code := lintVaultJSON(t)
	var want []liveFinding
	for _, f := range seedFindings {
		if f.Rule != "VG-CLU-002" {
			want = append(want, f)
		}
	}
	want = append(want, minimalPolicyFindings(t, policy, "sys/audit")...)
	compareFindings(t, got, want)
	if code != ExitFindings {
		t.Errorf("exit %d, want %d", code, ExitFindings)
	}
	if strings.TrimSpace(stderr) != "warning: vault://sys/audit: permission denied; not checked" {
		t.Errorf("stderr:\n%s", stderr)
	}
}

// TestWhoCanVault compares `who-can --vault` with Vault's own answer: for
// each (path, operation) and each policy of the seed, a token holding
// exactly that policy is allowed by sys/capabilities if and only if
// who-can lists the policy.
func TestWhoCanVault(t *testing.T) {
	s, policy := seededVault(t)
	s.WritePolicy(t, "vaultguard-read", policy)
	s.Setenv(t, s.Token(t, "vaultguard-read"))
	policies := []string{"default", "orders-worker", "payments-api", "vaultguard-read"}
	tokens := map[string]string{}
	for _, p := range policies[1:] {
		tokens[p] = s.Token(t, p)
	}
	root := s.Root(t)
	// s.Token sets no_default_policy, which strips "default" itself.
	sec, err := root.Auth().Token().CreateWithContext(t.Context(), &api.TokenCreateRequest{Policies: []string{"default"}, NoParent: true, TTL: "1h"})
	if err != nil {
		t.Fatalf("create a default-policy token: %v", err)
	}
	tokens["default"] = sec.Auth.ClientToken
	cases := []struct{ path, op string }{
		{"secret/data/payments/config", "read"},
		{"secret/data/orders/config", "read"},
		{"secret/data/orders/config", "update"},
		{"secret/metadata/payments/", "list"},
		{"transit/encrypt/payments", "update"},
		{"transit/decrypt/payments", "update"},
		{"transit/keys/payments", "read"},
		{"database/creds/payments-readonly", "read"},
		{"database/config/payments-db", "read"},
		{"sys/audit", "read"},
		{"sys/audit", "sudo"},
		{"sys/policies/acl", "list"},
		{"sys/policies/acl/default", "read"},
		{"auth/approle/role/orders-worker", "read"},
		{"auth/approle/role/orders-worker/role-id", "read"},
		{"auth/token/lookup-self", "read"},
		{"auth/token/lookup-accessor", "update"},
		{"cubbyhole/notes", "read"},
		{"sys/mounts", "read"},
	}
	n := 0
	for _, c := range cases {
		out, errOut, code := run(t, "who-can", "--vault", "--format", "json", "--op", c.op, c.path)
		if code != ExitOK {
			t.Fatalf("who-can %s %s: exit %d: %s", c.op, c.path, code, errOut)
		}
		var grants []whoCanGrant
		if err := json.Unmarshal([]byte(out), &grants); err != nil {
			t.Fatalf("who-can json: %v\n%s", err, out)
		}
		granted := map[string]bool{}
		for _, g := range grants {
			granted[g.Policy] = true
			if g.Policy == "orders-worker" && !slices.ContainsFunc(g.Holders, func(h whoCanHolder) bool {
				return h.Name == "orders-worker" && h.Source.File == "vault://auth/approle/role/orders-worker" && h.Effective
			}) {
				t.Errorf("%s %s: orders-worker's holder, the AppRole role, is missing: %+v", c.op, c.path, g.Holders)
			}
			if g.Path != c.path {
				t.Errorf("who-can rewrote %s to %s", c.path, g.Path)
			}
		}
		for _, p := range policies {
			caps, err := root.Sys().CapabilitiesWithContext(t.Context(), tokens[p], c.path)
			if err != nil {
				t.Fatalf("sys/capabilities %s: %v", c.path, err)
			}
			allowed := slices.Contains(caps, c.op) || slices.Contains(caps, "root")
			if allowed != granted[p] {
				t.Errorf("%s on %s, policy %s: Vault says %v (%v), who-can --vault says %v", c.op, c.path, p, allowed, caps, granted[p])
			}
			n++
		}
	}
	t.Logf("%d (policy, path, operation) cases agree with sys/capabilities", n)
}
