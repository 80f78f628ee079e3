package auditlog

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/vaultguard/vaultguard/auditlog/gen"
	report "github.com/vaultguard/vaultguard/report/audit"
)

func benchLines(b *testing.B) [][]byte {
	b.Helper()
	var buf bytes.Buffer
	if _, err := gen.New(gen.DefaultConfig()).Write(&buf, 4<<20); err != nil {
		b.Fatal(err)
	}
	return bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n"))
}

// jsonEntry is the same field set decoded by encoding/json, the baseline
// the hand-rolled decoder is measured against.
type jsonEntry struct {
	Time  string `json:"time"`
	Type  string `json:"type"`
	Error string `json:"error"`
	Auth  struct {
		ClientToken   string            `json:"client_token"`
		Accessor      string            `json:"accessor"`
		DisplayName   string            `json:"display_name"`
		EntityID      string            `json:"entity_id"`
		Policies      []string          `json:"policies"`
		TokenPolicies []string          `json:"token_policies"`
		Metadata      map[string]string `json:"metadata"`
		TokenType     string            `json:"token_type"`
		TokenTTL      int64             `json:"token_ttl"`
		PolicyResults struct {
			Allowed bool `json:"allowed"`
		} `json:"policy_results"`
	} `json:"auth"`
	Request struct {
		ID            string `json:"id"`
		Operation     string `json:"operation"`
		Path          string `json:"path"`
		MountPoint    string `json:"mount_point"`
		MountType     string `json:"mount_type"`
		RemoteAddress string `json:"remote_address"`
		RemotePort    int    `json:"remote_port"`
	} `json:"request"`
	Response struct {
		Secret struct {
			LeaseID string `json:"lease_id"`
		} `json:"secret"`
	} `json:"response"`
}

func BenchmarkDecode(b *testing.B) {
	lines := benchLines(b)
	var total int64
	for _, l := range lines {
		total += int64(len(l))
	}
	b.Run("vaultguard", func(b *testing.B) {
		d := NewDecoder()
		var e Entry
		b.SetBytes(total)
		for b.Loop() {
			for _, l := range lines {
				if err := d.Decode(l, &e); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("encoding_json", func(b *testing.B) {
		b.SetBytes(total)
		for b.Loop() {
			for _, l := range lines {
				var e jsonEntry
				if err := json.Unmarshal(l, &e); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

func benchFile(b *testing.B, size int64) string {
	b.Helper()
	p := filepath.Join(b.TempDir(), "audit.log")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	cfg := gen.DefaultConfig()
	cfg.TargetEvery = 500
	if _, err := gen.New(cfg).Write(f, size); err != nil {
		b.Fatal(err)
	}
	f.Close()
	return p
}

func BenchmarkWhoRead(b *testing.B) {
	p := benchFile(b, 64<<20)
	st, _ := os.Stat(p)
	q, _ := ParsePathQuery("kv/payments/stripe")
	ops, _ := ParseOps("read")
	b.SetBytes(st.Size())
	for b.Loop() {
		ins, _ := ExpandInputs([]string{p}, nil)
		n := 0
		if _, err := WhoRead(context.Background(), &Run{Inputs: ins}, q, ops, func(*report.Record) error { n++; return nil }); err != nil {
			b.Fatal(err)
		}
		if n == 0 {
			b.Fatal("target never found")
		}
	}
}

func BenchmarkReport(b *testing.B) {
	p := benchFile(b, 64<<20)
	st, _ := os.Stat(p)
	b.SetBytes(st.Size())
	for b.Loop() {
		ins, _ := ExpandInputs([]string{p}, nil)
		if _, _, err := BuildReport(context.Background(), &Run{Inputs: ins}, 10); err != nil {
			b.Fatal(err)
		}
	}
}
