package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

var update = flag.Bool("update", false, "rewrite golden files")

// run executes the real root command in-process.
func run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Execute(context.Background(), args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func e2eDir(t *testing.T) string {
	t.Helper()
	d, err := filepath.Abs("../../testdata/e2e")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./cmd/cli -update writes it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test ./cmd/cli -update refreshes it):\n%s", path, got)
	}
}

// TestE2ECases runs every testdata/e2e/<case> that has an args file, from
// inside the case directory, and compares stdout and the exit code.
func TestE2ECases(t *testing.T) {
	t.Setenv("CI", "")
	dirs, _ := filepath.Glob(filepath.Join(e2eDir(t), "*", "args"))
	if len(dirs) == 0 {
		t.Fatal("no e2e cases")
	}
	for _, argsFile := range dirs {
		dir := filepath.Dir(argsFile)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			raw, err := os.ReadFile(argsFile)
			if err != nil {
				t.Fatal(err)
			}
			args := strings.Split(strings.TrimSpace(string(raw)), "\n")
			t.Chdir(dir)
			out, errOut, code := run(t, args...)
			golden(t, "want.out", out)
			golden(t, "want.code", strconv.Itoa(code)+"\n")
			if code == ExitInternal {
				t.Logf("stderr: %s", errOut)
			}
		})
	}
}

// TestE2EFormats writes the same findings in every format.
func TestE2EFormats(t *testing.T) {
	t.Setenv("CI", "")
	t.Chdir(filepath.Join(e2eDir(t), "formats"))
	for _, f := range []string{"table", "json", "junit", "github", "checkstyle", "compact"} {
		t.Run(f, func(t *testing.T) {
			out, errOut, code := run(t, "lint", "--format", f, ".")
			if code != ExitFindings {
				t.Fatalf("exit %d, want 1: %s", code, errOut)
			}
			golden(t, "want."+f, out)
		})
	}
	t.Run("sarif", func(t *testing.T) {
		out, _, code := run(t, "lint", "--format", "sarif", ".")
		if code != ExitFindings {
			t.Fatalf("exit %d", code)
		}
		log, err := sarif.FromBytes([]byte(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := log.Validate(); err != nil {
			t.Fatalf("SARIF is not schema-valid: %v", err)
		}
		if n := len(log.Runs[0].Results); n != 4 {
			t.Fatalf("%d results, want 4", n)
		}
		for _, r := range log.Runs[0].Results {
			if r.PartialFingerprints["vaultguard/v1"] == "" {
				t.Errorf("result %v lacks a partial fingerprint", *r.RuleID)
			}
		}
	})
	t.Run("several at once", func(t *testing.T) {
		tmp := t.TempDir()
		out, _, code := run(t, "lint", "--format", "sarif="+filepath.Join(tmp, "r.sarif"), "--format", "junit="+filepath.Join(tmp, "r.xml"), "--format", "compact", ".")
		if code != ExitFindings || strings.Count(out, "\n") != 4 {
			t.Fatalf("exit %d, stdout:\n%s", code, out)
		}
		for _, f := range []string{"r.sarif", "r.xml"} {
			if st, err := os.Stat(filepath.Join(tmp, f)); err != nil || st.Size() == 0 {
				t.Errorf("%s not written: %v", f, err)
			}
		}
	})
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestE2EBaseline: write a baseline, add a new finding above the old one,
// and only the new one is reported; fixing the old one reports it stale.
func TestE2EBaseline(t *testing.T) {
	t.Setenv("CI", "")
	dir := t.TempDir()
	t.Chdir(dir)
	old := "path \"secret/*\" {\n  capabilities = [\"read\", \"update\"]\n}\n"
	writeFile(t, "policies/app.hcl", old)
	if _, errOut, code := run(t, "lint", "--write-baseline", "base.json", "policies"); code != ExitOK || !strings.Contains(errOut, "wrote 1 finding") {
		t.Fatalf("write baseline: exit %d: %s", code, errOut)
	}
	writeFile(t, "policies/app.hcl", "path \"kv/*\" {\n  capabilities = [\"delete\"]\n}\n\n"+old)
	out, _, code := run(t, "lint", "--baseline", "base.json", "--format", "compact", "policies")
	if code != ExitFindings || out != "policies/app.hcl:1:1: critical VG-POL-001 path \"kv/*\" grants delete on every path of the \"kv\" mount\n" {
		t.Fatalf("exit %d, output:\n%s", code, out)
	}
	writeFile(t, "policies/app.hcl", "path \"kv/data/app\" {\n  capabilities = [\"read\"]\n}\n")
	out, errOut, code := run(t, "lint", "--baseline", "base.json", "--format", "compact", "policies")
	if code != ExitOK || out != "" || !strings.Contains(errOut, "stale baseline entry: VG-POL-001 policies/app.hcl") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestE2EPreCommit stages some files in a real git repository and passes
// the staged names, as pre-commit does: only those files are linted.
func TestE2EPreCommit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	t.Setenv("CI", "")
	dir := t.TempDir()
	t.Chdir(dir)
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	git("init", "-q")
	writeFile(t, "policies/staged.hcl", "path \"secret/*\" {\n  capabilities = [\"read\", \"update\"]\n}\n")
	writeFile(t, "policies/unstaged.hcl", "path \"*\" {\n  capabilities = [\"sudo\"]\n}\n")
	writeFile(t, "README.md", "# docs\n")
	git("add", "policies/staged.hcl", "README.md")
	staged := strings.Fields(git("diff", "--cached", "--name-only", "--diff-filter=ACM"))
	args := append([]string{"lint", "--format", "compact"}, staged...)
	out, errOut, code := run(t, args...)
	if code != ExitFindings {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Contains(out, "unstaged.hcl") || !strings.Contains(out, "policies/staged.hcl:1:1: critical VG-POL-001") {
		t.Fatalf("output:\n%s", out)
	}
}

func TestE2EInitWritesValidConfig(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if _, errOut, code := run(t, "init"); code != ExitOK {
		t.Fatalf("init: %d %s", code, errOut)
	}
	if _, _, code := run(t, "init"); code != ExitInternal {
		t.Fatalf("second init should refuse to overwrite, exit %d", code)
	}
	writeFile(t, "p.hcl", "path \"secret/data/x\" {\n  capabilities = [\"read\"]\n}\n")
	if out, errOut, code := run(t, "lint", "."); code != ExitOK {
		t.Fatalf("lint with the starter config: %d %s %s", code, out, errOut)
	}
}

func TestE2EConfigErrorsArePositioned(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, tc := range []struct{ cfg, want string }{
		{"fail_on = \"high\"\nfial_on = \"low\"\n", ".vaultguard.hcl:2:1: Unsupported argument"},
		{"rule \"VG-NOPE-001\" {\n  enabled = false\n}\n", ".vaultguard.hcl:1:1: Unknown rule"},
		{"thresholds {\n  max_lease_tll = \"1h\"\n}\n", `.vaultguard.hcl:2:19: unknown threshold "max_lease_tll"`},
	} {
		writeFile(t, ".vaultguard.hcl", tc.cfg)
		_, errOut, code := run(t, "lint", ".")
		if code != ExitInternal || !strings.Contains(errOut, tc.want) {
			t.Errorf("config %q: exit %d, stderr %q, want %q", tc.cfg, code, errOut, tc.want)
		}
	}
}

// TestE2ERulesTest runs a user's rule directory the way we test ours.
func TestE2ERulesTest(t *testing.T) {
	dir := t.TempDir()
	rule := `# METADATA
# title: No legacy mount
# description: The legacy/ mount is being retired.
# related_resources:
#   - ref: https://example.com/legacy
# custom:
#   id: ACME-POL-001
#   severity: medium
#   kinds: [policy]
#   remediation: Move the secret to kv/.
package vaultguard.rules.acme.legacy_mount

deny contains {"msg": "legacy mount", "_loc": p._loc} if {
	some pol in input.policy
	some p in pol.paths
	startswith(p.path, "legacy/")
}
`
	writeFile(t, filepath.Join(dir, "acme/legacy_mount.rego"), rule)
	writeFile(t, filepath.Join(dir, "acme/legacy_mount_test.rego"), `package vaultguard.rules.acme.legacy_mount_test

import data.vaultguard.rules.acme.legacy_mount

test_fires if {
	count(legacy_mount.deny) == 1 with input as {"policy": [{"paths": [{"path": "legacy/x", "_loc": {}}]}]}
}
`)
	writeFile(t, filepath.Join(dir, "acme/testdata/legacy_mount/fail.hcl"), "path \"legacy/x\" { # want: ACME-POL-001\n  capabilities = [\"read\"]\n}\n")
	writeFile(t, filepath.Join(dir, "acme/testdata/legacy_mount/pass.hcl"), "path \"kv/data/x\" {\n  capabilities = [\"read\"]\n}\n")
	out, errOut, code := run(t, "rules", "test", dir)
	if code != ExitOK || !strings.Contains(out, "3 passed, 0 failed") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	// A fixture expecting the wrong line fails both ways.
	writeFile(t, filepath.Join(dir, "acme/testdata/legacy_mount/fail2.hcl"), "# want: ACME-POL-001\npath \"legacy/y\" {\n  capabilities = [\"read\"]\n}\n")
	out, _, code = run(t, "rules", "test", dir)
	if code != ExitFindings || !strings.Contains(out, "unexpected") || !strings.Contains(out, "missing") {
		t.Fatalf("exit %d\n%s", code, out)
	}
	// A malformed custom rule names its file and line.
	writeFile(t, filepath.Join(dir, "acme/legacy_mount.rego"), strings.Replace(rule, "id: ACME-POL-001", "id: nope", 1))
	_, errOut, code = run(t, "lint", "--rules", dir, ".")
	if code != ExitInternal || !strings.Contains(errOut, "legacy_mount.rego:1") || !strings.Contains(errOut, "custom.id") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

func TestE2EJSONContract(t *testing.T) {
	t.Setenv("CI", "")
	t.Chdir("../..")
	out, _, code := run(t, "lint", "--format", "json", "examples")
	if code != ExitFindings {
		t.Fatalf("exit %d", code)
	}
	var doc struct {
		Findings []map[string]any `json:"findings"`
		Summary  map[string]any   `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	for _, f := range doc.Findings {
		for _, k := range []string{"rule_id", "severity", "title", "message", "file", "range", "kind", "help_uri"} {
			if _, ok := f[k]; !ok {
				t.Errorf("finding lacks %q: %v", k, f)
			}
		}
	}
	for _, k := range []string{"files", "findings", "by_severity"} {
		if _, ok := doc.Summary[k]; !ok {
			t.Errorf("summary lacks %q", k)
		}
	}
}

func TestE2ERulesCatalogAndExplain(t *testing.T) {
	out, _, code := run(t, "rules")
	if code != ExitOK || !strings.Contains(out, "VG-PARSE-001") || !strings.Contains(out, "VG-POL-001") {
		t.Fatalf("rules: exit %d\n%s", code, out)
	}
	out, _, code = run(t, "rules", "explain", "vg-pol-001")
	for _, want := range []string{"VG-POL-001: Wildcard path in a policy", "How to fix:", "Vault docs: https://", "Flagged (policy/testdata/wildcard_path/", "Passes ("} {
		if !strings.Contains(out, want) {
			t.Errorf("explain lacks %q:\n%s", want, out)
		}
	}
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	if _, _, code := run(t, "rules", "explain", "VG-NOPE-999"); code != ExitInternal {
		t.Fatalf("unknown rule: exit %d", code)
	}
}
