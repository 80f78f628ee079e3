package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

var update = flag.Bool("update", false, "rewrite golden files")

func sample() *Report {
	r := &Report{
		Tool:    "vaultguard",
		Version: "test",
		Rules: []Rule{
			{ID: "VG-POL-001", Title: "Wildcard path in a policy", Description: "A glob grants too much.", Severity: SeverityHigh, Remediation: "List exact paths.", HelpURI: "https://developer.hashicorp.com/vault/docs/concepts/policies", Kinds: []string{"policy"}},
			{ID: "VG-SRV-002", Title: "Listener without TLS", Description: "Clear text.", Severity: SeverityCritical, HelpURI: "https://developer.hashicorp.com/vault/docs/configuration/listener/tcp", Kinds: []string{"server_config"}},
		},
		Findings: []Finding{
			{RuleID: "VG-SRV-002", Severity: SeverityCritical, Title: "Listener without TLS", Message: "listener on 0.0.0.0:8200 has tls_disable = true, 100% clear text", File: "config/vault.hcl", Range: Range{Start: Pos{7, 3}, End: Pos{7, 23}}, Kind: "server_config", HelpURI: "https://developer.hashicorp.com/vault/docs/configuration/listener/tcp", Fingerprint: "aaaa"},
			{RuleID: "VG-POL-001", Severity: SeverityLow, Title: "Wildcard path in a policy", Message: "path \"secret/apps/*\" grants read on <every> path", File: "policies/app, one.hcl", Range: Range{Start: Pos{1, 1}, End: Pos{1, 22}}, Kind: "policy", Fingerprint: "bbbb"},
			// Read from a live Vault: a vault:// URL and no position.
			{RuleID: "VG-POL-001", Severity: SeverityHigh, Title: "Wildcard path in a policy", Message: "path \"sys/*\" grants read on every path of the \"sys\" mount", File: "vault://vault.example:8200/sys/policies/acl/ops", Kind: "policy", Fingerprint: "cccc"},
		},
	}
	r.Summary.Files = 3
	r.Sort()
	r.Summarize()
	return r
}

func TestFormatsGolden(t *testing.T) {
	for _, name := range FormatNames() {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Formatters(FormatOptions{})[name].Format(&buf, sample()); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./report -update)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("output differs from %s (go test ./report -update refreshes):\n%s", golden, buf.String())
			}
		})
	}
}

// TestSARIFIsSchemaValid reads our SARIF output back and validates it
// against the SARIF 2.1.0 JSON schema that go-sarif ships.
func TestSARIFIsSchemaValid(t *testing.T) {
	for _, r := range []*Report{sample(), {Tool: "vaultguard"}} {
		var buf bytes.Buffer
		if err := Formatters(FormatOptions{})["sarif"].Format(&buf, r); err != nil {
			t.Fatal(err)
		}
		log, err := sarif.FromBytes(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if err := log.Validate(); err != nil {
			t.Fatalf("SARIF does not validate: %v", err)
		}
		var doc struct {
			Runs []struct {
				Tool struct {
					Driver struct {
						Rules []struct {
							ID         string         `json:"id"`
							HelpURI    string         `json:"helpUri"`
							Properties map[string]any `json:"properties"`
						} `json:"rules"`
					} `json:"driver"`
				} `json:"tool"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		for _, rule := range doc.Runs[0].Tool.Driver.Rules {
			if rule.HelpURI == "" || rule.Properties["security-severity"] == nil {
				t.Errorf("rule %s lacks helpUri or security-severity: %+v", rule.ID, rule)
			}
		}
	}
}

func TestGitHubEscapes(t *testing.T) {
	var buf bytes.Buffer
	r := sample()
	r.Findings[0].Message = "a%b\nc"
	if err := Formatters(FormatOptions{})["github"].Format(&buf, r); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.Contains(out, "a%25b%0Ac") || !strings.Contains(out, "file=policies/app%2C one.hcl") {
		t.Fatalf("not escaped:\n%s", out)
	}
}

func TestXMLFormatsParse(t *testing.T) {
	for _, name := range []string{"junit", "checkstyle"} {
		var buf bytes.Buffer
		if err := Formatters(FormatOptions{})[name].Format(&buf, sample()); err != nil {
			t.Fatal(err)
		}
		var v any
		if err := xml.Unmarshal(buf.Bytes(), &v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
}

func TestParseSeverity(t *testing.T) {
	for _, s := range []string{"critical", "HIGH", " medium ", "low", "info", "none"} {
		if _, err := ParseSeverity(s); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
	if _, err := ParseSeverity("urgent"); err == nil {
		t.Error("urgent accepted")
	}
}

// TestLiveFindingsHaveNoFakePosition: a finding read from a live Vault has
// no line; text formats name it by its vault:// URL, never as :0:0.
func TestLiveFindingsHaveNoFakePosition(t *testing.T) {
	for _, name := range []string{"table", "compact", "github", "junit"} {
		var buf bytes.Buffer
		if err := Formatters(FormatOptions{})[name].Format(&buf, sample()); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if !strings.Contains(out, "vault.example") || !strings.Contains(out, "8200/sys/policies/acl/ops") {
			t.Errorf("%s: the live finding is missing:\n%s", name, out)
		}
		if strings.Contains(out, ":0:0") || strings.Contains(out, "line=0") {
			t.Errorf("%s: a live finding got a fake position:\n%s", name, out)
		}
	}
}
