package lint

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func newLinter(t testing.TB) *Linter {
	t.Helper()
	l, err := New(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func write(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestBadInputNeverStopsTheRun puts every kind of bad file beside a good
// one with a real problem: each bad file gets a positioned VG-PARSE-001 or
// a clear skip, and the good file is still linted.
func TestBadInputNeverStopsTheRun(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "syntax.hcl", []byte("path \"secret/a\" {\n  capabilities = [\"read\"\n}\n"))
	write(t, dir, "reed.hcl", []byte("path \"secret/a\" {\n  capabilities = [\"reed\"]\n}\n"))
	write(t, dir, "empty.hcl", nil)
	write(t, dir, "binary.hcl", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3})
	var big bytes.Buffer
	for big.Len() < 5<<20 {
		big.WriteString("path \"secret/data/app/key\" {\n  capabilities = [\"read\"]\n}\n")
	}
	write(t, dir, "big.hcl", big.Bytes())
	write(t, dir, "good.hcl", []byte("path \"secret/*\" {\n  capabilities = [\"read\", \"update\"]\n}\n"))

	res, err := newLinter(t).Run(context.Background(), Target{Paths: []string{dir}, BaseDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, f := range res.Report.Findings {
		got[f.File] = append(got[f.File], f.RuleID+"@"+strconv.Itoa(f.Range.Start.Line)+":"+strconv.Itoa(f.Range.Start.Column))
	}
	want := map[string][]string{
		"syntax.hcl": {"VG-PARSE-001@3:1"},
		"reed.hcl":   {"VG-PARSE-001@2:18"},
		"good.hcl":   {"VG-POL-001@1:1"},
	}
	for file, w := range want {
		if len(got[file]) != 1 || !strings.HasPrefix(got[file][0], w[0]) {
			t.Errorf("%s: findings %v, want %v", file, got[file], w)
		}
	}
	skipped := map[string]string{}
	for _, s := range res.Skips {
		skipped[s.File] = s.Reason
	}
	if skipped["empty.hcl"] != "empty file" || skipped["binary.hcl"] != "binary file" || !strings.Contains(skipped["big.hcl"], "--max-file-size") {
		t.Errorf("skips = %v", skipped)
	}
	if res.Report.Summary.Files != 3 || res.Report.Summary.Skipped != 3 {
		t.Errorf("summary %+v", res.Report.Summary)
	}
}

func TestExcludeAndKind(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "vendor-policies"), 0o755)
	write(t, dir, "vendor-policies/x.hcl", []byte("path \"*\" {\n  capabilities = [\"sudo\"]\n}\n"))
	// No path blocks: only --kind policy makes it a policy (an empty one).
	p := write(t, dir, "odd.txt", []byte("name = \"x\"\n"))
	l := newLinter(t)
	res, err := l.Run(context.Background(), Target{Paths: []string{dir}, BaseDir: dir, Excludes: []string{"vendor-*/**"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Report.Findings) != 0 {
		t.Fatalf("excluded file linted: %v", res.Report.Findings)
	}
	res, err = l.Run(context.Background(), Target{Paths: []string{p}, BaseDir: dir, Kind: "policy"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Report.Summary.Files != 1 {
		t.Fatalf("forced kind not linted: %+v %v", res.Report.Summary, res.Skips)
	}
}

func BenchmarkLintOneFile(b *testing.B) {
	dir := b.TempDir()
	p := write(b, dir, "p.hcl", []byte("path \"secret/*\" {\n  capabilities = [\"read\", \"update\"]\n}\n"))
	ctx := context.Background()
	for b.Loop() {
		l, err := New(ctx, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := l.Run(ctx, Target{Paths: []string{p}, BaseDir: dir}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestNamedFragmentIsJudgedWithItsDirectory is the pre-commit case: only
// the listener file of a split config is staged; the seal in a sibling
// file still counts, and nothing is reported about the unnamed files.
func TestNamedFragmentIsJudgedWithItsDirectory(t *testing.T) {
	dir := t.TempDir()
	listener := write(t, dir, "20-listener.hcl", []byte("listener \"tcp\" {\n  address     = \"0.0.0.0:8200\"\n  tls_disable = true\n}\n"))
	write(t, dir, "10-storage.hcl", []byte("storage \"inmem\" {}\ndefault_lease_ttl = \"1h\"\nmax_lease_ttl = \"24h\"\n"))
	write(t, dir, "30-seal.hcl", []byte("seal \"awskms\" {\n  kms_key_id = \"alias/x\"\n}\n"))
	res, err := newLinter(t).Run(context.Background(), Target{Paths: []string{listener}, BaseDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Report.Findings) != 1 || res.Report.Findings[0].RuleID != "VG-SRV-002" || res.Report.Findings[0].File != "20-listener.hcl" {
		t.Fatalf("want only VG-SRV-002 in the named file, got %+v", res.Report.Findings)
	}
	if res.Report.Summary.Files != 1 {
		t.Fatalf("files = %d, want 1", res.Report.Summary.Files)
	}
}

// TestLargeFileWithinLimitIsLinted: a raised limit lints a big valid file.
func TestLargeFileWithinLimitIsLinted(t *testing.T) {
	dir := t.TempDir()
	var big bytes.Buffer
	for big.Len() < 3<<20 {
		big.WriteString("path \"secret/data/app/key\" {\n  capabilities = [\"read\"]\n}\n")
	}
	write(t, dir, "big.hcl", big.Bytes())
	res, err := newLinter(t).Run(context.Background(), Target{Paths: []string{dir}, BaseDir: dir, MaxFileSize: 8 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if res.Report.Summary.Files != 1 || len(res.Report.Findings) != 0 {
		t.Fatalf("summary %+v findings %v skips %v", res.Report.Summary, res.Report.Findings, res.Skips)
	}
}
