package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/vault/api"

	"github.com/vaultguard/vaultguard/tools/vaulttest"
)

// sampleDetectors is the detector configuration fitted to the sample's
// 23-second run (see auditlog/detect's sample test).
const sampleDetectors = `{
  "denied_per_identity": {"threshold": 2, "window": "1m"},
  "denied_per_address": {"threshold": 2, "window": "1m"},
  "denied_per_path": {"threshold": 2, "window": "1m"},
  "login_failures": {"threshold": 1, "window": "1m"},
  "new_address_learning": "10s",
  "business_hours": {"location": "UTC", "start": 7, "end": 22, "days": [0,1,2,3,4,5,6]}
}`

// TestAuditAlertsSample runs `audit alerts` on the shared sample through
// the real root command and checks the alert counts per detector, and that
// no format prints a raw secret from the log_raw log.
func TestAuditAlertsSample(t *testing.T) {
	dir := vault121(t)
	cfg := filepath.Join(t.TempDir(), "detectors.json")
	if err := os.WriteFile(cfg, []byte(sampleDetectors), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, nil, "audit", "alerts", "--format", "ndjson", "--detectors", cfg, filepath.Join(dir, "audit-file.log"))
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	counts := map[string]int{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var a struct{ Name string }
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatalf("bad line %q: %v", l, err)
		}
		counts[a.Name]++
	}
	want := map[string]int{"root_token_used": 30, "audit_device_changed": 2, "acl_policy_changed": 5, "mount_changed": 6,
		"auth_role_changed": 1, "denied_burst_identity": 1, "denied_burst_address": 2, "denied_burst_path": 2,
		"new_source_address": 1, "login_failure_burst": 1}
	if fmt.Sprint(counts) != fmt.Sprint(want) {
		t.Errorf("alert counts\ngot  %v\nwant %v", counts, want)
	}
	secrets := rawSecrets(t, dir)
	paths := knownPaths(t, filepath.Join(dir, "audit-lograw.log"))
	for _, args := range [][]string{
		{"audit", "alerts", "--format", "ecs", "--detectors", cfg},
		{"audit", "alerts", "--format", "cef", "--detectors", cfg},
		{"audit", "alerts", "--format", "table", "--detectors", cfg},
		{"audit", "watch", "--events", "-", "--events-format", "ecs", "--alerts", "-", "--alerts-format", "cef", "--detectors", cfg},
		{"audit", "watch", "--events", "-", "--events-format", "json"},
	} {
		out, errOut, code := runCLI(t, nil, append(args, filepath.Join(dir, "audit-lograw.log"))...)
		if code != ExitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		all := out + errOut
		for _, p := range paths {
			all = strings.ReplaceAll(all, p, "<path>")
		}
		for _, s := range secrets {
			if strings.Contains(all, s) {
				t.Errorf("%v printed the secret %q", args, s)
			}
		}
	}
}

// TestAuditWatchECSEvents checks the ECS events of `watch --events`.
func TestAuditWatchECSEvents(t *testing.T) {
	dir := vault121(t)
	out, errOut, code := runCLI(t, nil, "audit", "watch", "-q", "--events", "-", filepath.Join(dir, "audit-file.log"))
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var denied int
	for _, l := range lines {
		var d struct {
			Event struct{ Action, Outcome string }
			User  struct{ Name, ID string }
			URL   struct{ Path string }
		}
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatal(err)
		}
		if d.URL.Path == "kv/data/shared/smtp" && d.Event.Outcome == "failure" && d.User.Name == "userpass-dave" && d.User.ID == "df7ca875-9fd6-2304-c709-0ea348ad6981" {
			denied++
		}
	}
	if len(lines) != 55 || denied != 1 {
		t.Errorf("%d events (want 55, one per request), %d denied smtp reads by dave (want 1)", len(lines), denied)
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestAuditWatchListenLiveVault points a real Vault's socket audit device
// at `watch --listen` and checks that the requests made to that Vault
// arrive as events and raise the expected alerts.
func TestAuditWatchListenLiveVault(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a Vault server")
	}
	s := vaulttest.Start(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	var out, errOut syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- Execute(ctx, []string{"audit", "watch", "--listen", "tcp://" + addr, "--events", "-", "--events-format", "json",
			"--alerts", "-", "--flush", "100ms", "--spool-dir", t.TempDir()}, strings.NewReader(""), &out, &errOut)
	}()
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(errOut.String(), "listening on") {
		if time.Now().After(deadline) {
			t.Fatalf("watch did not listen: %s", errOut.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	root := s.Root(t)
	if err := root.Sys().EnableAuditWithOptions("sock", &api.EnableAuditOptions{Type: "socket",
		Options: map[string]string{"address": addr, "socket_type": "tcp"}}); err != nil {
		t.Fatalf("enable socket audit device: %v", err)
	}
	s.EnableSecrets(t, "secret", api.MountInput{Type: "kv", Options: map[string]string{"version": "2"}})
	s.WritePolicy(t, "reader", `path "secret/data/app/*" { capabilities = ["read"] }`)
	s.Write(t, "secret/data/app/db", map[string]any{"data": map[string]any{"password": "live-socket-secret-9876"}})
	c := s.TokenClient(t, "reader")
	if _, err := c.Logical().Read("secret/data/app/db"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Logical().Read("secret/data/other/x"); err == nil {
		t.Fatal("read outside the policy was not denied")
	}
	want := []string{`"path":"secret/data/app/db","mount_point":"secret/","mount_type":"kv","outcome":"allowed"`,
		`"path":"secret/data/other/x"`, `"name":"acl_policy_changed"`, `"name":"mount_changed"`}
	for {
		got := out.String()
		missing := 0
		for _, w := range want {
			if !strings.Contains(got, w) {
				missing++
			}
		}
		if missing == 0 {
			break
		}
		if time.Now().After(deadline.Add(20 * time.Second)) {
			t.Fatalf("events not received; stdout:\n%s\nstderr:\n%s", got, errOut.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	// Stop the device before the listener goes away, or Vault would fail
	// requests whose audit write cannot be delivered.
	if err := root.Sys().DisableAudit("sock"); err != nil {
		t.Logf("disable socket device: %v", err)
	}
	cancel()
	if code := <-done; code != ExitOK {
		t.Errorf("watch exit %d: %s", code, errOut.String())
	}
	if strings.Contains(out.String(), "live-socket-secret-9876") {
		t.Error("the secret value was printed")
	}
	var paths []string
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var r struct{ Path string }
		if json.Unmarshal([]byte(l), &r) == nil && r.Path != "" {
			paths = append(paths, r.Path)
		}
	}
	sort.Strings(paths)
	t.Logf("received %d events; stderr: %s", len(paths), strings.TrimSpace(errOut.String()))
}

// TestAuditWatchCheckpoint: a second run with the same checkpoint sends
// nothing again; lines appended later are sent.
func TestAuditWatchCheckpoint(t *testing.T) {
	dir := vault121(t)
	tmp := t.TempDir()
	logPath, cp := filepath.Join(tmp, "audit.log"), filepath.Join(tmp, "cp.json")
	b, err := os.ReadFile(filepath.Join(dir, "audit-file.log"))
	if err != nil {
		t.Fatal(err)
	}
	half := bytes.LastIndexByte(b[:len(b)/2], '\n') + 1
	if err := os.WriteFile(logPath, b[:half], 0o600); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		out, errOut, code := runCLI(t, nil, "audit", "watch", "-q", "--events", "-", "--events-format", "json", "--checkpoint", cp, logPath)
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if strings.TrimSpace(out) == "" {
			return 0
		}
		return len(strings.Split(strings.TrimSpace(out), "\n"))
	}
	first := count()
	if again := count(); again != 0 {
		t.Errorf("second run re-sent %d events", again)
	}
	f, err := os.OpenFile(logPath, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(b[half:]); err != nil {
		t.Fatal(err)
	}
	f.Close()
	rest := count()
	// The first half ends with requests whose responses are in the second
	// half: they go out as no_response at the end of the first run and
	// again, complete, in the second. Everything arrives at least once.
	if first+rest < 55 || first+rest > 57 {
		t.Errorf("events: %d + %d, want 55 requests (a couple re-sent at the cut)", first, rest)
	}
	t.Logf("first half %d events, second half %d", first, rest)
}
