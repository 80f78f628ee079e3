package detect

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/vaultguard/vaultguard/auditlog"
)

// sampleDir is ../shared/samples/vault-1.21 relative to the module root.
func sampleDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "samples", "vault-1.21"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "truth.json")); err != nil {
		t.Skipf("shared Vault 1.21 sample not found at %s: %v", dir, err)
	}
	return dir
}

type truthEvent struct {
	Seq   int    `json:"seq"`
	Phase string `json:"phase"`
	Step  string `json:"step"`
	Path  string `json:"path"`
	ReqID string `json:"audit_request_id"`
	Ident any    `json:"identity"`
}

// runSample runs the engine over the given sample logs and returns one
// "ID label" line per alert, label being the truth step (or seq) of the
// request that raised it.
func runSample(t *testing.T, cfg Config, logs ...string) ([]string, []Alert) {
	t.Helper()
	dir := sampleDir(t)
	raw, err := os.ReadFile(filepath.Join(dir, "truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var truth struct {
		Events       []truthEvent `json:"events"`
		SecretValues any          `json:"secret_values"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		t.Fatal(err)
	}
	label := map[string]string{}
	for _, e := range truth.Events {
		l := "seq" + fmt.Sprint(e.Seq)
		if e.Phase == "scenario" {
			l = "step" + e.Step[:2]
		}
		label[e.ReqID] = l
	}
	var paths []string
	for _, l := range logs {
		paths = append(paths, filepath.Join(dir, l))
	}
	ins, err := auditlog.ExpandInputs(paths, nil)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := New(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var alerts []Alert
	run := &auditlog.Run{Inputs: ins}
	_, err = run.Each(context.Background(), func(j *auditlog.Joined, red *auditlog.Redactor) error {
		ev := FromJoined(j, red)
		return eng.Observe(&ev, func(a Alert) error {
			l, ok := label[a.Event.RequestID]
			if !ok {
				l = "untracked:" + a.Event.Path
			}
			got = append(got, a.Name+" "+l)
			alerts = append(alerts, a)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(got)
	return got, alerts
}

// sampleConfig fits the sample's 23-second run: bursts of 2 denials in a
// minute, a single failed login, and 10 s of learning for new addresses;
// business hours cover the run (20:42 UTC) so that the benign logins pass.
func sampleConfig() Config {
	c := Defaults()
	c.DeniedPerIdentity = Burst{Threshold: 2, Window: Duration(time.Minute)}
	c.DeniedPerAddress = Burst{Threshold: 2, Window: Duration(time.Minute)}
	c.DeniedPerPath = Burst{Threshold: 2, Window: Duration(time.Minute)}
	c.LoginFailures = Burst{Threshold: 1, Window: Duration(time.Minute)}
	c.NewAddressLearning = Duration(10 * time.Second)
	c.BusinessHours = BusinessHours{Location: "UTC", Start: 7, End: 22, Days: []int{0, 1, 2, 3, 4, 5, 6}}
	return c
}

// rootSetup is every bootstrap and setup request: all made with the root token.
func rootSetup() []string {
	var out []string
	for i := 1; i <= 28; i++ {
		out = append(out, fmt.Sprintf("root_token_used seq%d", i))
	}
	return out
}

// TestSampleAlerts asserts the exact alert set on the real Vault 1.21
// sample: the scripted suspicious actions raise their alert, the benign
// scenario steps (01-05, 09, 11, the allowed parts of 07 and 13) none.
func TestSampleAlerts(t *testing.T) {
	want := append(rootSetup(),
		// bootstrap: audit devices enabled (seq 1, 2).
		"audit_device_changed seq1", "audit_device_changed seq2",
		// setup: mounts and auth methods enabled, policies written, an AppRole role created.
		"mount_changed seq4", "mount_changed seq5", "mount_changed seq6", "mount_changed seq7",
		"mount_changed seq8", "mount_changed seq9",
		"acl_policy_changed seq10", "acl_policy_changed seq11", "acl_policy_changed seq12",
		"auth_role_changed seq15",
		// scenario.
		"denied_burst_identity step07", "denied_burst_address step07", // dave denied twice at 07 (and again at 08)
		"acl_policy_changed step08",                        // dave tries to write a policy (denied)
		"acl_policy_changed step10",                        // carol rewrites policy support
		"root_token_used step12", "root_token_used step12", // the CLI preflight and the read
		"new_source_address step13",                            // carol from 127.0.1.12
		"denied_burst_address step14",                          // unknown token, 2 denials from 127.0.1.77
		"denied_burst_path step14", "denied_burst_path step14", // ledger-db (06, 14), stripe-connect (07, 14)
		"login_failure_burst step15", // approle login with a used secret-id
	)
	sort.Strings(want)
	for _, logs := range [][]string{{"audit-file.log"}, {"audit-lograw.log"}, {"audit-file.log", "audit-lograw.log"}} {
		t.Run(strings.Join(logs, "+"), func(t *testing.T) {
			got, alerts := runSample(t, sampleConfig(), logs...)
			w := want
			if len(logs) == 1 && logs[0] == "audit-lograw.log" {
				// lograw/ was enabled second: the first device's enable is not in it.
				w = slices.DeleteFunc(slices.Clone(want), func(s string) bool {
					return s == "audit_device_changed seq1" || s == "root_token_used seq1"
				})
				w = slices.DeleteFunc(w, func(s string) bool { return s == "audit_device_changed seq2" })
				w = append(w, "audit_device_changed seq2")
				sort.Strings(w)
			}
			if !slices.Equal(got, w) {
				t.Errorf("alerts differ\ngot:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(w, "\n  "))
			}
			checkNoSecrets(t, alerts)
		})
	}
}

// TestSampleDefaults: with the default configuration the bursts and the
// learning detectors stay quiet on 23 seconds of traffic, and the two
// human logins at 20:42 UTC are off hours.
func TestSampleDefaults(t *testing.T) {
	got, _ := runSample(t, Defaults(), "audit-file.log")
	var scen []string
	for _, g := range got {
		if strings.Contains(g, " step") {
			scen = append(scen, g)
		}
	}
	want := []string{"acl_policy_changed step08", "acl_policy_changed step10", "off_hours_login step01", "off_hours_login step02",
		"root_token_used step12", "root_token_used step12"}
	if !slices.Equal(scen, want) {
		t.Errorf("scenario alerts with defaults:\ngot  %q\nwant %q", scen, want)
	}
}

// checkNoSecrets fails if an alert carries a raw token or secret value
// from the sample.
func checkNoSecrets(t *testing.T, alerts []Alert) {
	t.Helper()
	dir := sampleDir(t)
	raw, _ := os.ReadFile(filepath.Join(dir, "truth.json"))
	var truth struct {
		SecretValues []string `json:"secret_values"`
	}
	_ = json.Unmarshal(raw, &truth)
	b, _ := json.Marshal(alerts)
	for _, s := range truth.SecretValues {
		if len(s) >= 10 && strings.Contains(string(b), s) {
			t.Errorf("alerts contain the secret value %q", s)
		}
	}
	if strings.Contains(string(b), "hvs.") {
		t.Errorf("alerts contain a raw token")
	}
}
