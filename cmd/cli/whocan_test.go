package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestWhoCanExamples is issue 4's acceptance point: who-can on the
// examples lists the policies that allow reading the Stripe key on the KV
// v2 mount and the AppRole roles holding them, in the JSON shape
// {policy, path_pattern, capabilities, holders:[{kind, name, source}]}.
func TestWhoCanExamples(t *testing.T) {
	t.Chdir("../..")
	out, errOut, code := run(t, "who-can", "--format", "json", "--op", "read", "secret/payments/stripe", "examples/")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var grants []struct {
		Policy       string   `json:"policy"`
		Path         string   `json:"path"`
		PathPattern  string   `json:"path_pattern"`
		Capabilities []string `json:"capabilities"`
		Holders      []struct {
			Kind   string `json:"kind"`
			Name   string `json:"name"`
			Source struct {
				File string `json:"file"`
				Line int    `json:"line"`
			} `json:"source"`
			Effective bool `json:"effective"`
		} `json:"holders"`
	}
	if err := json.Unmarshal([]byte(out), &grants); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := map[string]string{"payments-api": "secret/data/payments/stripe", "orders-worker": "secret/*"}
	if len(grants) != len(want) {
		t.Fatalf("got %d grants, want %d:\n%s", len(grants), len(want), out)
	}
	for _, g := range grants {
		if want[g.Policy] != g.PathPattern || g.Path != "secret/data/payments/stripe" {
			t.Errorf("grant %s: pattern %q path %q", g.Policy, g.PathPattern, g.Path)
		}
		if len(g.Holders) != 1 || g.Holders[0].Kind != "approle_role" || g.Holders[0].Name != g.Policy ||
			g.Holders[0].Source.File != "examples/terraform/vault.tf" || g.Holders[0].Source.Line == 0 || !g.Holders[0].Effective {
			t.Errorf("grant %s: holders %+v", g.Policy, g.Holders)
		}
	}
	table, _, code := run(t, "who-can", "--op", "update", "secret/payments/stripe", "examples/")
	if code != ExitOK || !strings.Contains(table, "orders-worker") || strings.Contains(table, "payments-api ") {
		t.Errorf("table for update: exit %d\n%s", code, table)
	}
	if _, _, code := run(t, "who-can", "--op", "fly", "x", "examples/"); code != ExitInternal {
		t.Errorf("unknown operation: exit %d", code)
	}
}
