package lint

import (
	"context"
	"testing"
	"time"
)

func TestInlineIgnores(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "p.hcl", []byte(`# vaultguard:ignore VG-POL-001 reason="break-glass policy, reviewed" expires=2027-03-01
path "secret/*" {
  capabilities = ["read", "update"]
}

path "kv/*" { # vaultguard:ignore VG-POL-001
  capabilities = ["read"]
}

# vaultguard:ignore VG-POL-001 reason="old" expires=2020-01-01
path "legacy/*" {
  capabilities = ["read"]
}

# vaultguard:ignore VG-POL-004 reason="nothing here any more"
path "secret/data/app" {
  capabilities = ["read"]
}
`))
	write(t, dir, "f.hcl", []byte(`// vaultguard:ignore-file VG-POL-001 reason="sandbox policies"
path "sandbox/*" {
  capabilities = ["read", "update"]
}
`))
	now := func() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }
	for _, unused := range []bool{false, true} {
		l, err := New(context.Background(), Options{Now: now, ReportUnusedIgnores: unused})
		if err != nil {
			t.Fatal(err)
		}
		res, err := l.Run(context.Background(), Target{Paths: []string{dir}, BaseDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range res.Report.Findings {
			got = append(got, f.File+":"+itoa(f.Range.Start.Line)+" "+f.RuleID)
		}
		want := []string{
			"p.hcl:6 VG-IGNORE-001",  // no reason: still suppresses, but says so
			"p.hcl:10 VG-IGNORE-002", // expired ...
			"p.hcl:11 VG-POL-001",    // ... so the finding is back
		}
		if unused {
			want = append(want, "p.hcl:15 VG-IGNORE-003")
		}
		if !equalStrings(got, want) {
			t.Errorf("unused=%v: findings\n%v\nwant\n%v", unused, got, want)
		}
		if res.Report.Summary.Suppressed != 3 {
			t.Errorf("suppressed = %d, want 3 (secret/*, kv/*, sandbox/*)", res.Report.Summary.Suppressed)
		}
	}
}

func TestBaselineSurvivesEditsAbove(t *testing.T) {
	dir := t.TempDir()
	old := "path \"secret/*\" {\n  capabilities = [\"read\", \"update\"]\n}\n"
	p := write(t, dir, "p.hcl", []byte(old))
	l := newLinter(t)
	res, err := l.Run(context.Background(), Target{Paths: []string{dir}, BaseDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	base := NewBaseline(res.All)
	bp := dir + "/baseline.json"
	if err := base.Write(bp); err != nil {
		t.Fatal(err)
	}
	loaded, err := LoadBaseline(bp)
	if err != nil {
		t.Fatal(err)
	}
	// A new problem added above the old one moves it down two blocks.
	write(t, dir, "p.hcl", []byte("path \"kv/*\" {\n  capabilities = [\"read\"]\n}\n\n"+old))
	_ = p
	l2, err := New(context.Background(), Options{Baseline: loaded})
	if err != nil {
		t.Fatal(err)
	}
	res, err = l2.Run(context.Background(), Target{Paths: []string{dir}, BaseDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Report.Findings) != 1 || res.Report.Findings[0].Range.Start.Line != 1 {
		t.Fatalf("want only the new kv/* finding, got %+v", res.Report.Findings)
	}
	if res.Report.Summary.Baselined != 1 || len(res.Stale) != 0 {
		t.Fatalf("baselined=%d stale=%v", res.Report.Summary.Baselined, res.Stale)
	}
	// Fixing the old one leaves a stale baseline entry.
	write(t, dir, "p.hcl", []byte("path \"kv/*\" {\n  capabilities = [\"read\"]\n}\n"))
	res, err = l2.Run(context.Background(), Target{Paths: []string{dir}, BaseDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Stale) != 1 || res.Stale[0].RuleID != "VG-POL-001" {
		t.Fatalf("stale = %+v", res.Stale)
	}
}

func TestConfigureDisablesAndOverrides(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "p.hcl", []byte("path \"secret/*\" {\n  capabilities = [\"read\", \"update\"]\n}\npath \"sys/policies/acl/x\" {\n  capabilities = [\"update\"]\n}\n"))
	l, err := New(context.Background(), Options{Disabled: []string{"VG-POL-004"}, Severity: map[string]severity{"policy": sevInfo}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := l.Run(context.Background(), Target{Paths: []string{dir}, BaseDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Report.Findings {
		if f.RuleID == "VG-POL-004" || f.Severity != sevInfo {
			t.Errorf("unexpected %s %s", f.RuleID, f.Severity)
		}
	}
	if len(res.Report.Findings) != 1 {
		t.Fatalf("findings %d, want the VG-POL-001 on secret/* only", len(res.Report.Findings))
	}
}

func itoa(n int) string { return strconvItoa(n) }

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestProseAboutIgnoresIsNotAnIgnore: Markdown that explains ignores in a
// code span (as this repository's README does) holds no directive; the
// same text as a comment in a code block, or in an HTML comment, does.
func TestProseAboutIgnoresIsNotAnIgnore(t *testing.T) {
	src := []byte("Write `# vaultguard:ignore-file ID ...` at the top of a file.\n" +
		"Inline `# vaultguard:ignore` comments work in live policies too.\n" +
		"```hcl\n# vaultguard:ignore VG-POL-001 reason=\"reviewed\"\n```\n" +
		"<!-- vaultguard:ignore-file VG-CLI-002 reason=\"local demo\" -->\n" +
		"echo `date` # vaultguard:ignore VG-CLI-001 reason=\"x\"\n")
	got := parseIgnores("doc.md", src)
	var lines []int
	for _, ig := range got {
		lines = append(lines, ig.line)
	}
	if len(lines) != 3 || lines[0] != 4 || lines[1] != 6 || lines[2] != 7 {
		t.Fatalf("ignores found on lines %v, want 4, 6 and 7 (the code-span prose on 1 and 2 is not one)", lines)
	}
}
