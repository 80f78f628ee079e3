package rules_test

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/vaultguard/vaultguard/lint"
	"github.com/vaultguard/vaultguard/lint/source/vaultfile"
)

// corpusDir is the shared corpus of public Vault policies and configs,
// beside the module root (../shared/corpus from it).
func corpusDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "shared", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "policy", "VERDICTS.tsv")); err != nil {
		t.Skipf("no corpus at %s (it lives outside the repository, in ../shared/corpus): %v", dir, err)
	}
	return dir
}

// readVerdicts reads policy/VERDICTS.tsv: file, accepted|rejected, error.
func readVerdicts(t *testing.T, path string) map[string]bool {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 2 {
			continue
		}
		out[cols[0]] = cols[1] == "accepted"
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCorpus lints every policy and server config of the public corpus one
// file at a time: nothing may crash, a policy Vault accepts must not get
// VG-PARSE-001 and one Vault rejects must. Findings are logged (go test
// -v -run TestCorpus) so they can be reviewed for false positives.
func TestCorpus(t *testing.T) {
	dir := corpusDir(t)
	ctx := context.Background()
	linter, err := lint.New(ctx, lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	verdicts := readVerdicts(t, filepath.Join(dir, "policy", "VERDICTS.tsv"))
	if len(verdicts) == 0 {
		t.Fatal("VERDICTS.tsv lists no file")
	}
	counts := map[string]int{}
	for _, kind := range []string{"policy", "server-config"} {
		files, err := filepath.Glob(filepath.Join(dir, kind, "*"))
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range files {
			name := filepath.Base(file)
			if strings.HasSuffix(name, ".tsv") || strings.HasSuffix(name, ".md") {
				continue
			}
			t.Run(kind+"/"+name, func(t *testing.T) {
				// Each corpus file is its own deployment: lint a copy
				// alone, so unrelated siblings are never merged with it.
				tmp := t.TempDir()
				src, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				copyPath := filepath.Join(tmp, name)
				if err := os.WriteFile(copyPath, src, 0o600); err != nil {
					t.Fatal(err)
				}
				target := lint.Target{Paths: []string{copyPath}, BaseDir: tmp}
				if kind == "policy" {
					target.Kind = vaultfile.KindPolicy
				}
				res, err := linter.Run(ctx, target)
				if err != nil {
					t.Fatalf("lint: %v", err)
				}
				parseErrors := 0
				for _, f := range res.Report.Findings {
					counts[f.RuleID]++
					if f.RuleID == lint.ParseRuleID {
						parseErrors++
					}
					t.Logf("%s:%d: %s %s: %s", f.File, f.Range.Start.Line, f.RuleID, f.Severity, f.Message)
				}
				if kind != "policy" {
					return
				}
				accepted, ok := verdicts[name]
				switch {
				case !ok:
					t.Errorf("no verdict for %s in VERDICTS.tsv", name)
				case accepted && parseErrors > 0:
					t.Errorf("Vault accepts %s but vaultguard reports %d parse error(s)", name, parseErrors)
				case !accepted && parseErrors == 0:
					t.Errorf("Vault rejects %s but vaultguard reports no parse error", name)
				}
			})
		}
	}
	ids := make([]string, 0, len(counts))
	for id := range counts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		t.Logf("corpus total %s: %d", id, counts[id])
	}
}
