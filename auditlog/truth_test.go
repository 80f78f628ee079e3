package auditlog

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	report "github.com/vaultguard/vaultguard/report/audit"
)

// truthEvent is the part of truth.json's events and accesses we check.
type truthEvent struct {
	Seq            int       `json:"seq"`
	TimeBefore     time.Time `json:"time_before"`
	TimeAfter      time.Time `json:"time_after"`
	Identity       *string   `json:"identity"`
	EntityID       *string   `json:"entity_id"`
	AuthMethod     *string   `json:"auth_method"`
	RoleName       *string   `json:"role_name"`
	TokenAccessor  *string   `json:"token_accessor"`
	RemoteAddress  string    `json:"remote_address"`
	RemotePort     *int      `json:"remote_port"`
	Path           string    `json:"path"`
	APIPath        string    `json:"api_path"`
	Operation      string    `json:"operation"`
	Outcome        string    `json:"outcome"`
	AuditRequestID string    `json:"audit_request_id"`
	Login          bool      `json:"login"`
}

type truthFile struct {
	Events       []truthEvent            `json:"events"`
	Accesses     map[string][]truthEvent `json:"accesses"`
	SecretValues []string                `json:"secret_values"`
}

func loadTruth(t *testing.T) (truthFile, string) {
	t.Helper()
	dir := filepath.Join(samplesDir(t), "vault-1.21")
	b, err := os.ReadFile(filepath.Join(dir, "truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var tf truthFile
	if err := json.Unmarshal(b, &tf); err != nil {
		t.Fatal(err)
	}
	return tf, dir
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func newRun(t *testing.T, paths ...string) *Run {
	t.Helper()
	ins, err := ExpandInputs(paths, nil)
	if err != nil {
		t.Fatal(err)
	}
	return &Run{Inputs: ins}
}

func checkRecord(t *testing.T, rec report.Record, want truthEvent, plainAccessor bool) {
	t.Helper()
	if rec.Identity.DisplayName != str(want.Identity) {
		t.Errorf("%s: identity %q, want %q", want.AuditRequestID, rec.Identity.DisplayName, str(want.Identity))
	}
	if rec.Identity.EntityID != str(want.EntityID) {
		t.Errorf("%s: entity %q, want %q", want.AuditRequestID, rec.Identity.EntityID, str(want.EntityID))
	}
	if want.Identity != nil && rec.Identity.AuthMethod != str(want.AuthMethod) {
		t.Errorf("%s: auth method %q, want %q", want.AuditRequestID, rec.Identity.AuthMethod, str(want.AuthMethod))
	}
	if want.Identity != nil && rec.Identity.Role != str(want.RoleName) {
		t.Errorf("%s: role %q, want %q", want.AuditRequestID, rec.Identity.Role, str(want.RoleName))
	}
	if plainAccessor && want.TokenAccessor != nil && !want.Login && rec.Token.Accessor != *want.TokenAccessor {
		t.Errorf("%s: accessor %q, want %q", want.AuditRequestID, rec.Token.Accessor, *want.TokenAccessor)
	}
	if rec.RemoteAddress != want.RemoteAddress {
		t.Errorf("%s: remote address %q, want %q", want.AuditRequestID, rec.RemoteAddress, want.RemoteAddress)
	}
	if want.RemotePort != nil && rec.RemotePort != *want.RemotePort {
		t.Errorf("%s: remote port %d, want %d", want.AuditRequestID, rec.RemotePort, *want.RemotePort)
	}
	if string(rec.Outcome) != want.Outcome {
		t.Errorf("%s: outcome %q, want %q (error %q)", want.AuditRequestID, rec.Outcome, want.Outcome, rec.Error)
	}
	if rec.Time.Before(want.TimeBefore) || rec.Time.After(want.TimeAfter) {
		t.Errorf("%s: time %v outside [%v, %v]", want.AuditRequestID, rec.Time, want.TimeBefore, want.TimeAfter)
	}
	if want.Operation != "" && rec.Operation != want.Operation {
		t.Errorf("%s: operation %q, want %q", want.AuditRequestID, rec.Operation, want.Operation)
	}
}

// TestTruthAccesses runs who-read for every logical path in truth.json over
// each device's log and over both together (de-duplicated): every access is
// found with the right identity, address, time and outcome, and nothing
// else is reported.
func TestTruthAccesses(t *testing.T) {
	tf, dir := loadTruth(t)
	all, _ := ParseOps("all")
	logs := map[string][]string{
		"file":   {filepath.Join(dir, "audit-file.log")},
		"lograw": {filepath.Join(dir, "audit-lograw.log")},
		"both":   {filepath.Join(dir, "audit-file.log"), filepath.Join(dir, "audit-lograw.log")},
	}
	for name, paths := range logs {
		for logical, want := range tf.Accesses {
			t.Run(name+"/"+logical, func(t *testing.T) {
				q, err := ParsePathQuery(logical)
				if err != nil {
					t.Fatal(err)
				}
				var got []report.Record
				if _, err := WhoRead(context.Background(), newRun(t, paths...), q, all, func(r *report.Record) error {
					got = append(got, *r)
					return nil
				}); err != nil {
					t.Fatal(err)
				}
				byID := map[string]report.Record{}
				for _, r := range got {
					if _, dup := byID[r.RequestID]; dup {
						t.Errorf("request %s reported twice", r.RequestID)
					}
					byID[r.RequestID] = r
				}
				for _, w := range want {
					rec, ok := byID[w.AuditRequestID]
					if !ok {
						t.Errorf("access %s (%s %s by %s) not found", w.AuditRequestID, w.Operation, w.APIPath, str(w.Identity))
						continue
					}
					delete(byID, w.AuditRequestID)
					checkRecord(t, rec, w, name == "lograw")
				}
				for id, r := range byID {
					t.Errorf("unexpected record %s: %s %s by %s", id, r.Operation, r.Path, r.Identity.DisplayName)
				}
			})
		}
	}
}

// TestTruthEvents checks every request the driver made, via who-read on
// every path, and that the log holds nothing else.
func TestTruthEvents(t *testing.T) {
	tf, dir := loadTruth(t)
	all, _ := ParseOps("all")
	q, _ := ParsePathQuery("*")
	var got []report.Record
	sum, err := WhoRead(context.Background(), newRun(t, filepath.Join(dir, "audit-file.log"), filepath.Join(dir, "audit-lograw.log")), q, all, func(r *report.Record) error {
		got = append(got, *r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]report.Record{}
	for _, r := range got {
		byID[r.RequestID] = r
	}
	for _, w := range tf.Events {
		rec, ok := byID[w.AuditRequestID]
		if !ok {
			t.Errorf("event %d %s not found", w.Seq, w.AuditRequestID)
			continue
		}
		delete(byID, w.AuditRequestID)
		checkRecord(t, rec, w, false)
	}
	var extra []string
	for id, r := range byID {
		// Enabling an audit device makes Vault log a sys/audit/test request
		// of its own; the driver did not send it.
		if r.Path == "sys/audit/test" {
			continue
		}
		extra = append(extra, id+" "+r.Path)
	}
	sort.Strings(extra)
	if len(extra) > 0 {
		t.Errorf("records the driver never made: %v", extra)
	}
	if sum.Malformed != 0 {
		t.Errorf("malformed: %v", sum.MalformedLines)
	}
	t.Logf("summary: %+v", sum)
}
