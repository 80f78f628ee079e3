package lint

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writePolicies writes n ACL policies shaped like tools/bench/gen-policies.sh's.
func writePolicies(tb testing.TB, dir string, n int) {
	tb.Helper()
	rng := rand.New(rand.NewPCG(42, 42))
	teams := []string{"payments", "orders", "billing", "search", "identity", "ledger", "mail", "reports"}
	for i := 1; i <= n; i++ {
		team := teams[rng.IntN(len(teams))]
		app := fmt.Sprintf("%s-svc-%04d", team, i)
		var b strings.Builder
		fmt.Fprintf(&b, "# %s: owned by team %s\n", app, team)
		for j := 1; j <= rng.IntN(4)+2; j++ {
			fmt.Fprintf(&b, "path \"secret/data/%s/%s/key-%d\" {\n  capabilities = [\"read\"]\n}\n\n", team, app, j)
		}
		fmt.Fprintf(&b, "path \"database/creds/%s-readonly\" {\n  capabilities = [\"read\"]\n}\n\n", app)
		fmt.Fprintf(&b, "path \"transit/encrypt/%s\" {\n  capabilities = [\"update\"]\n}\n\n", app)
		switch r := rng.Float64(); {
		case r < 0.10:
			fmt.Fprintf(&b, "path \"secret/data/%s/*\" {\n  capabilities = [\"read\", \"list\"]\n}\n\n", team)
		case r < 0.14:
			b.WriteString("path \"secret/*\" {\n  capabilities = [\"create\", \"read\", \"update\", \"delete\", \"list\"]\n}\n\n")
		case r < 0.17:
			fmt.Fprintf(&b, "path \"secret/data/+/%s/*\" {\n  capabilities = [\"read\"]\n}\n\n", app)
		case r < 0.19:
			fmt.Fprintf(&b, "path \"sys/policies/acl/%s-*\" {\n  capabilities = [\"create\", \"update\"]\n}\n\n", team)
		case r < 0.20:
			b.WriteString("path \"sys/*\" {\n  capabilities = [\"read\", \"sudo\"]\n}\n\n")
		}
		if err := os.WriteFile(filepath.Join(dir, app+".hcl"), []byte(b.String()), 0o600); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkLintManyPolicies is bench-lint's workload in Go: 5,000 policy
// files, the whole catalog, rules loaded once as the CLI does per run.
func BenchmarkLintManyPolicies(b *testing.B) {
	dir := b.TempDir()
	writePolicies(b, dir, 5000)
	ctx := context.Background()
	probe, err := New(ctx, Options{})
	if err != nil {
		b.Fatal(err)
	}
	// bench-lint's like-for-like case: only the four rules ported to conftest.
	var others []string
	for _, r := range probe.Rules() {
		if !strings.HasPrefix(r.ID, "VG-POL-00") || r.ID > "VG-POL-004" {
			if !strings.HasPrefix(r.ID, "VG-PARSE-") && !strings.HasPrefix(r.ID, "VG-IGNORE-") {
				others = append(others, r.ID)
			}
		}
	}
	for _, c := range []struct {
		name     string
		disabled []string
	}{{"four-rules", others}, {"catalog", nil}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				l, err := New(ctx, Options{Disabled: c.disabled})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := l.Run(ctx, Target{Paths: []string{dir}, BaseDir: dir}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
