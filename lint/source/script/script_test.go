package script_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vaultguard/vaultguard/lint"
	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/source/script"
	"github.com/vaultguard/vaultguard/report"
)

// lintFiles lints files written to a temporary directory through the real
// linter (every rule, default thresholds).
func lintFiles(t *testing.T, files map[string]string) []report.Finding {
	t.Helper()
	return lintWith(t, lint.Options{}, files)
}

func lintWith(t *testing.T, opts lint.Options, files map[string]string) []report.Finding {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	l, err := lint.New(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	res, err := l.Run(ctx, lint.Target{Paths: []string{dir}, BaseDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	return res.Report.Findings
}

// seed is the seed post's commands saved as a script: the AppRole role,
// the database role and the transit and audit commands, as the issue
// quotes them.
const seed = `#!/usr/bin/env bash
set -euo pipefail

vault auth enable approle
vault write auth/approle/role/payments-api \
    token_policies="payments-api" \
    token_ttl=1h \
    token_max_ttl=4h \
    secret_id_ttl=24h \
    secret_id_num_uses=1

vault secrets enable database
vault write database/roles/payments-api \
    db_name="payments" \
    creation_statements=@payments-api.sql \
    default_ttl="1h" \
    max_ttl="24h"

vault secrets enable transit
vault write -f transit/keys/payments-api

vault audit enable file file_path=/var/log/vault/audit.log
`

type at struct {
	rule         string
	line, column int
}

func positions(fs []report.Finding) []at {
	var out []at
	for _, f := range fs {
		out = append(out, at{f.RuleID, f.Range.Start.Line, f.Range.Start.Column})
	}
	return out
}

func TestSeedScript(t *testing.T) {
	got := positions(lintFiles(t, map[string]string{"bootstrap.sh": seed}))
	// The roles pass. The seed creates its transit key without
	// auto_rotate_period, which VG-TRN-003 (low) reports on that command.
	want := []at{{"VG-TRN-003", 20, 1}}
	if !slices.Equal(got, want) {
		t.Errorf("findings = %v, want %v", got, want)
	}
}

func TestSeedScriptVariants(t *testing.T) {
	tests := []struct {
		name, from, to string
		want           at
	}{
		// Line 10 is "    secret_id_num_uses=0": the argument starts at column 5.
		{"unlimited secret ID uses", "secret_id_num_uses=1", "secret_id_num_uses=0", at{"VG-AUTH-001", 10, 5}},
		// Line 7 is "    token_ttl=768h \".
		{"32-day tokens", "token_ttl=1h", "token_ttl=768h", at{"VG-AUTH-004", 7, 5}},
		{"unlimited uses on one line", "secret_id_ttl=24h \\\n    secret_id_num_uses=1", "secret_id_ttl=24h secret_id_num_uses=0", at{"VG-AUTH-001", 9, 23}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(seed, tt.from, tt.to, 1)
			if src == seed {
				t.Fatal("replacement did not apply")
			}
			var got []at
			for _, p := range positions(lintFiles(t, map[string]string{"bootstrap.sh": src})) {
				if p.rule != "VG-TRN-003" {
					got = append(got, p)
				}
			}
			if !slices.Equal(got, []at{tt.want}) {
				t.Errorf("findings = %v, want [%v]", got, tt.want)
			}
		})
	}
}

func TestThresholdsAreConfigurable(t *testing.T) {
	src := strings.Replace(seed, "token_ttl=1h", "token_ttl=768h", 1)
	th := lint.DefaultThresholds()
	if err := th.SetThreshold("token_ttl", "768h"); err != nil {
		t.Fatal(err)
	}
	for _, p := range positions(lintWith(t, lint.Options{Thresholds: th}, map[string]string{"bootstrap.sh": src})) {
		if p.rule == "VG-AUTH-004" {
			t.Errorf("token_ttl=768h reported with a 768h threshold: %v", p)
		}
	}
}

func read(t *testing.T, name, src string) *model.Input {
	t.Helper()
	in, errs := script.New().Read(name, []byte(src))
	for _, e := range errs {
		t.Errorf("error: %v", e)
	}
	if in == nil {
		t.Fatal("no input")
	}
	return in
}

func only(t *testing.T, in *model.Input, kind string) *model.Object {
	t.Helper()
	var found []*model.Object
	for _, o := range in.Objects {
		if o.Kind == kind {
			found = append(found, o)
		}
	}
	if len(found) != 1 {
		t.Fatalf("want one %s, got %d (of %d objects)", kind, len(found), len(in.Objects))
	}
	return found[0]
}

func TestQuotingAndVariables(t *testing.T) {
	in := read(t, "a.sh", `ROLE=app
sudo vault write "auth/approle/role/$ROLE-x" token_ttl=1h
vault write auth/approle/role/app \
  'token_policies=a, b' token_ttl="$TTL" secret_id_ttl=${X:-1h} token_max_ttl="4"h
`)
	role := only(t, in, model.KindApproleRole)
	if role.Name != "app" {
		t.Errorf("name = %q (a path with $ROLE is not statically known and is skipped)", role.Name)
	}
	pol := role.Attrs["token_policies"]
	if !pol.Known || !slices.Equal(pol.Value.([]string), []string{"a", "b"}) {
		t.Errorf("token_policies = %+v, want the comma list [a b]", pol)
	}
	for _, k := range []string{"token_ttl", "secret_id_ttl"} {
		if a := role.Attrs[k]; a.Known {
			t.Errorf("%s = %+v: an expansion must not be known", k, a)
		}
	}
	if a := role.Attrs["token_max_ttl"]; !a.Known || a.Value != "4h" || a.Range.Start.Line != 4 || a.Range.Start.Column != 65 {
		t.Errorf("token_max_ttl = %+v, want 4h at 4:65", a)
	}
}

func TestHeredocPolicies(t *testing.T) {
	in := read(t, "p.sh", `vault policy write app - <<EOF
path "secret/*" {
  capabilities = ["read"]
}
EOF
cat <<'POL' | vault policy write ops -
path "sys/mounts" { capabilities = ["read"] }
POL
vault policy write db <(cat - <<EOF
  path "database/creds/db" {
    capabilities = ["read"]
  }
EOF
)
vault policy write fromfile policies/app.hcl
echo '
path "auth/token/create" { capabilities = ["update"] }' | vault policy write tok -
`)
	var got []string
	for _, p := range in.Policies {
		pr := p.Paths[0]
		got = append(got, p.Name+" "+pr.Pattern+" "+pr.Range.String())
	}
	want := []string{"app secret/* p.sh:2:1", "ops sys/mounts p.sh:7:1", "db database/creds/db p.sh:10:3", "tok auth/token/create p.sh:17:1"}
	if !slices.Equal(got, want) {
		t.Errorf("policies = %q, want %q", got, want)
	}
}

func TestMarkdownBlocks(t *testing.T) {
	in := read(t, "README.md", "# Setup\n\n```console\n$ vault write auth/approle/role/app \\\n    secret_id_num_uses=0\nSuccess! Data written to: auth/approle/role/app\n```\n\n```hcl\npath \"x\" {}\n```\n\n```sh\nvault write auth/approle/role/<ROLE> token_ttl=1h\nvault write auth/token/roles/ci token_ttl=2h\n```\n")
	role := only(t, in, model.KindApproleRole)
	a := role.Attrs["secret_id_num_uses"]
	if a.Range.Start.Line != 5 || a.Range.Start.Column != 5 {
		t.Errorf("secret_id_num_uses at %v, want 5:5", a.Range)
	}
	tr := only(t, in, model.KindTokenRole)
	if tr.Range.Start.Line != 15 {
		t.Errorf("token role at %v, want line 15 (the block's invalid first line skipped)", tr.Range)
	}
}

func TestMatch(t *testing.T) {
	a := script.New()
	for _, c := range []struct {
		path, head string
		want       bool
	}{
		{"setup.sh", "", true},
		{"README.md", "", true},
		{"test.bats", "", true},
		{"bin/bootstrap", "#!/usr/bin/env bash\n", true},
		{"bin/bootstrap", "#!/bin/sh -e\n", true},
		{"bin/tool", "#!/usr/bin/env python3\n", false},
		{"main.tf", "", false},
	} {
		var head []byte
		if c.head != "" {
			head = []byte(c.head)
		}
		if got := a.Match(c.path, head); got != c.want {
			t.Errorf("Match(%q, %q) = %v, want %v", c.path, c.head, got, c.want)
		}
	}
}

func TestParseErrorPositioned(t *testing.T) {
	_, errs := script.New().Read("bad.sh", []byte("echo ok\nif then fi (\n"))
	if len(errs) != 1 || errs[0].Range.Start.Line != 2 {
		t.Fatalf("errors = %v, want one at line 2", errs)
	}
}
