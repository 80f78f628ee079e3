package audit

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

func sampleRecords() []Record {
	t := time.Date(2026, 11, 25, 20, 42, 36, 969549736, time.UTC)
	return []Record{
		{
			Time: t, RequestID: "5753d6dc-ea5e-0888-17ba-250bcc914582", Operation: "read",
			Path: "kv/data/billing/stripe-connect", MountPoint: "kv/", MountType: "kv", Outcome: OutcomeAllowed,
			Identity: Identity{DisplayName: "approle", EntityID: "8e33d65e-2aa2-0f28-a782-c0eaa69e5eed", AuthMethod: "approle",
				Role: "billing-api", Metadata: map[string]string{"role_name": "billing-api"}, Policies: []string{"billing-api", "default"}},
			Token:         Token{Accessor: "hmac-sha256:24d87240e73faf7de6429453ea2535a3c188ca39223d9e7c06ff4dae69793052", Type: "service", TTL: 1200},
			RemoteAddress: "127.0.1.20", RemotePort: 38399, UserAgent: "Go-http-client/1.1",
		},
		{
			Time: t.Add(14 * time.Second), RequestID: "ccb1093a-e8ea-9c61-3ed1-a000f3aec27f", Operation: "read",
			Path: "kv/data/billing/stripe-connect\x1b[2J", MountPoint: "kv/", MountType: "kv", Outcome: OutcomeDenied,
			Error:         "2 errors occurred:\n\t* permission denied\n\t* invalid token\n\n",
			RemoteAddress: "127.0.1.77", RemotePort: 36903,
		},
	}
}

func sampleReport() *Report {
	t := time.Date(2026, 11, 25, 20, 42, 29, 0, time.UTC)
	return &Report{First: t, Last: t.Add(23 * time.Second), Tables: []Table{
		{Name: "top_paths", Title: "Top paths", Columns: []string{"path", "requests", "denied"},
			Rows: [][]any{{"kv/billing/stripe-connect", int64(4), int64(2)}, {"kv/finance/ledger-db", int64(4), int64(2)}}, Omitted: 3},
		{Name: "denied_by_identity", Title: "Denied by identity", Columns: []string{"identity", "denied"}},
	}}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test ./report/audit -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestRecordFormats(t *testing.T) {
	for _, f := range Formats {
		t.Run(string(f), func(t *testing.T) {
			var buf bytes.Buffer
			w, err := NewRecordWriter(f, &buf)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range sampleRecords() {
				if err := w.WriteRecord(&r); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(buf.Bytes(), []byte("\x1b")) && f == FormatTable {
				t.Error("table printed a raw escape character from the log")
			}
			golden(t, "records."+string(f), buf.Bytes())
		})
	}
}

func TestEmptyRecordFormats(t *testing.T) {
	want := map[Format]string{FormatJSON: "[]\n", FormatNDJSON: "", FormatTable: "no matching accesses\n"}
	for f, w := range want {
		var buf bytes.Buffer
		rw, _ := NewRecordWriter(f, &buf)
		if err := rw.Close(); err != nil {
			t.Fatal(err)
		}
		if buf.String() != w {
			t.Errorf("%s: empty output %q, want %q", f, buf.String(), w)
		}
	}
}

func TestReportFormats(t *testing.T) {
	for _, f := range Formats {
		t.Run(string(f), func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteReport(f, &buf, sampleReport()); err != nil {
				t.Fatal(err)
			}
			golden(t, "report."+string(f), buf.Bytes())
		})
	}
}

func TestSummary(t *testing.T) {
	var buf bytes.Buffer
	s := &Summary{Files: 2, Bytes: 3 << 20, Lines: 10, Entries: 8, Records: 3, Malformed: 3, Duplicates: 1, NoResponse: 1,
		MalformedLines: []Malformed{{File: "a.log", Line: 4, Reason: "truncated entry"}, {File: "a.log", Line: 9, Reason: "bad\x1b"}}}
	if err := WriteSummary(&buf, s); err != nil {
		t.Fatal(err)
	}
	golden(t, "summary.txt", buf.Bytes())
}

func TestParseFormat(t *testing.T) {
	if _, err := ParseFormat("xml"); err == nil {
		t.Error("xml accepted")
	}
	if f, err := ParseFormat("ndjson"); err != nil || f != FormatNDJSON {
		t.Errorf("ndjson: %v %v", f, err)
	}
}
