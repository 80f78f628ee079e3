package auditlog

import (
	"context"
	"path/filepath"
	"testing"
)

func scanAll(t *testing.T, opts Options, paths ...string) ([]Entry, *Stats) {
	t.Helper()
	ins, err := ExpandInputs(paths, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []Entry
	st, err := Scan(context.Background(), ins, opts, func(e *Entry) error {
		out = append(out, *e)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out, st
}

func TestScanSamples(t *testing.T) {
	dir := samplesDir(t)
	cases := []struct {
		file    string
		entries int
	}{
		{"vault-1.21/audit-file.log", 108},
		{"vault-1.21/audit-lograw.log", 106},
		{"auditlog/elastic_integrations_test-audit.log", 13},
		{"auditlog/elastic_integrations_test-faked-all-fields.log", 4},
		{"auditlog/elastic_integrations_audit.log", 2},
		{"auditlog/DataDog_integrations-core_vault_tests.log", 1},
		{"auditlog/hashicorp_vault_log.log", 8},
	}
	for _, tc := range cases {
		for _, bs := range []int{0, 512, 4096} {
			t.Run(tc.file, func(t *testing.T) {
				got, st := scanAll(t, Options{BlockSize: bs}, filepath.Join(dir, tc.file))
				if len(got) != tc.entries || st.Malformed != 0 {
					t.Fatalf("block %d: %d entries, %d malformed %v; want %d entries", bs, len(got), st.Malformed, st.MalformedSamples, tc.entries)
				}
				for i := 1; i < len(got); i++ {
					if got[i].Pos.Line <= got[i-1].Pos.Line {
						t.Fatalf("entries out of order at %d: %v then %v", i, got[i-1].Pos, got[i].Pos)
					}
				}
				if got[0].Type == "" || got[0].Time.IsZero() {
					t.Fatalf("first entry not decoded: %+v", got[0])
				}
			})
		}
	}
}
