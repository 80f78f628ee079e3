package sink

import (
	"bufio"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vaultguard/vaultguard/auditlog/detect"
	report "github.com/vaultguard/vaultguard/report/audit"
)

func record() *report.Record {
	return &report.Record{Time: time.Date(2026, 11, 25, 20, 42, 48, 0, time.UTC), RequestID: "r-1", Operation: "read",
		Path: "kv/data/finance/tax-ids", MountPoint: "kv/", MountType: "kv", Outcome: report.OutcomeDenied, Error: "permission denied",
		Identity:      report.Identity{DisplayName: "userpass-dave", EntityID: "e-1", AuthMethod: "userpass", Policies: []string{"default"}},
		Token:         report.Token{Accessor: "hmac-sha256:abc"},
		RemoteAddress: "127.0.1.11", RemotePort: 50000}
}

func TestECSFields(t *testing.T) {
	b, err := Encode(FormatECS, Item{Event: record()})
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	get := func(path string) any {
		var v any = doc
		for _, k := range strings.Split(path, ".") {
			m, _ := v.(map[string]any)
			v = m[k]
		}
		return v
	}
	for path, want := range map[string]any{
		"@timestamp": "2026-11-25T20:42:48.000000000Z", "event.action": "read", "event.outcome": "failure", "event.id": "r-1",
		"source.ip": "127.0.1.11", "source.port": 50000.0, "user.name": "userpass-dave", "user.id": "e-1",
		"url.path": "kv/data/finance/tax-ids", "hashicorp_vault.audit.request.mount_type": "kv", "message": "permission denied",
	} {
		if got := get(path); got != want {
			t.Errorf("%s = %v, want %v", path, got, want)
		}
	}
	a := &detect.Alert{ID: "VG-ALERT-009", Name: "denied_burst_identity", Severity: detect.Medium, Time: record().Time, Title: "t", Description: "d", Event: record()}
	b, _ = Encode(FormatECS, Item{Alert: a})
	if !strings.Contains(string(b), `"kind":"alert"`) || !strings.Contains(string(b), `"id":"VG-ALERT-009"`) {
		t.Errorf("alert ECS: %s", b)
	}
}

func TestCEFEscapes(t *testing.T) {
	r := record()
	r.Path = "a=b|c\\d"
	got := CEF(Item{Event: r})
	if !strings.HasPrefix(got, "CEF:0|vaultguard|vaultguard|1|vault-audit-read|Vault audit read|1|") || !strings.Contains(got, `request=a\=b|c\\d`) {
		t.Errorf("CEF: %s", got)
	}
}

func TestSyslogTCPOctetCounting(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	got := make(chan string, 2)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		br := bufio.NewReader(c)
		for range 2 {
			n, _ := br.ReadString(' ')
			l, _ := strconv.Atoi(strings.TrimSpace(n))
			buf := make([]byte, l)
			_, _ = io.ReadFull(br, buf)
			got <- string(buf)
		}
	}()
	s, err := NewSyslog("tcp://"+ln.Addr().String(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Send(context.Background(), [][]byte{[]byte(`{"a":1}`), []byte("CEF:0|x")}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`{"a":1}`, "CEF:0|x"} {
		m := <-got
		if !strings.HasPrefix(m, "<86>1 ") || !strings.Contains(m, " vaultguard ") || !strings.HasSuffix(m, " - - "+want) {
			t.Errorf("syslog message %q", m)
		}
	}
}

func TestHTTPRetriesUntilAcknowledged(t *testing.T) {
	var calls atomic.Int32
	var body atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		if calls.Add(1) < 3 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		body.Store(string(b))
		_, _ = w.Write([]byte(`{"text":"Success","code":0}`))
	}))
	defer srv.Close()
	h := &HTTP{URL: srv.URL, Kind: HEC, MinBackoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond}
	if err := h.Send(context.Background(), [][]byte{[]byte(`{"x":1}`)}); err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 3 || h.Retries != 2 {
		t.Errorf("calls %d retries %d", calls.Load(), h.Retries)
	}
	if b := body.Load().(string); !strings.Contains(b, `"event":{"x":1}`) {
		t.Errorf("HEC body %s", b)
	}
	// A 400 is permanent.
	bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusBadRequest) }))
	defer bad.Close()
	h = &HTTP{URL: bad.URL, Kind: Bulk, MinBackoff: time.Millisecond}
	var perm *PermanentError
	if err := h.Send(context.Background(), [][]byte{[]byte(`{}`)}); err == nil || !errors.As(err, &perm) {
		t.Errorf("want a permanent error, got %v", err)
	}
}

// TestBulkRetriesFailedItems: _bulk answers 200 with errors=true when an
// item failed (here a 429); the batch is sent again. A 409 (already
// indexed) is success.
func TestBulkRetriesFailedItems(t *testing.T) {
	var calls atomic.Int32
	var last atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		last.Store(string(b))
		if calls.Add(1) == 1 {
			_, _ = w.Write([]byte(`{"errors":true,"items":[{"create":{"status":201}},{"create":{"status":429}}]}`))
			return
		}
		_, _ = w.Write([]byte(`{"errors":true,"items":[{"create":{"status":409}},{"create":{"status":201}}]}`))
	}))
	defer srv.Close()
	h := &HTTP{URL: srv.URL, Kind: Bulk, MinBackoff: time.Millisecond}
	doc, _ := Encode(FormatECS, Item{Event: record()})
	if err := h.Send(context.Background(), [][]byte{doc, doc}); err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 2 {
		t.Errorf("%d posts, want 2", calls.Load())
	}
	lines := strings.Split(strings.TrimSpace(last.Load().(string)), "\n")
	if len(lines) != 4 || lines[0] != `{"create":{}}` || !strings.Contains(lines[1], `"event":{"action":"read"`) {
		t.Errorf("bulk body: %q", lines)
	}
}

func TestSyslogUDPAndTLS(t *testing.T) {
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close()
	s, err := NewSyslog("udp://"+pc.LocalAddr().String(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Send(context.Background(), [][]byte{[]byte("CEF:0|a")}); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 2048)
	_ = pc.SetReadDeadline(time.Now().Add(5 * time.Second))
	n, _, err := pc.ReadFrom(buf)
	if err != nil || !strings.HasPrefix(string(buf[:n]), "<86>1 ") || !strings.HasSuffix(string(buf[:n]), " - - CEF:0|a") {
		t.Errorf("udp datagram %q: %v", buf[:n], err)
	}
	s.Close()

	// TLS: borrow httptest's certificate and trust it.
	hs := httptest.NewTLSServer(http.NotFoundHandler())
	defer hs.Close()
	ln, err := tls.Listen("tcp", "127.0.0.1:0", hs.TLS)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	got := make(chan string, 1)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		br := bufio.NewReader(c)
		n, _ := br.ReadString(' ')
		l, _ := strconv.Atoi(strings.TrimSpace(n))
		b := make([]byte, l)
		_, _ = io.ReadFull(br, b)
		got <- string(b)
	}()
	tr := hs.Client().Transport.(*http.Transport)
	ts, err := NewSyslog("tls://"+ln.Addr().String(), tr.TLSClientConfig)
	if err != nil {
		t.Fatal(err)
	}
	defer ts.Close()
	if err := ts.Send(context.Background(), [][]byte{[]byte(`{"x":1}`)}); err != nil {
		t.Fatal(err)
	}
	select {
	case m := <-got:
		if !strings.HasSuffix(m, ` - - {"x":1}`) {
			t.Errorf("tls message %q", m)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no TLS syslog message")
	}
}
