package forward

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vaultguard/vaultguard/auditlog/sink"
)

// writeLog writes n requests (request and response entries) to path.
func writeLog(t testing.TB, path string, n int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	t0 := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	for i := range n {
		ts := t0.Add(time.Duration(i) * time.Millisecond).Format(time.RFC3339Nano)
		id := fmt.Sprintf("00000000-0000-0000-0000-%012d", i)
		req := fmt.Sprintf(`{"time":%q,"type":"request","auth":{"accessor":"hmac-sha256:acc%d","display_name":"approle","entity_id":"e-%d","policies":["default","app"]},"request":{"id":%q,"operation":"read","path":"kv/data/app/s%d","mount_point":"kv/","mount_type":"kv","remote_address":"10.0.%d.%d","remote_port":4000}}`,
			ts, i%50, i%50, id, i%1000, (i/250)%250, i%250)
		resp := strings.Replace(strings.Replace(req, `"type":"request"`, `"type":"response"`, 1), `"request":{`, `"response":{"data":{"k":"hmac-sha256:x"}},"request":{`, 1)
		fmt.Fprintln(w, req)
		fmt.Fprintln(w, resp)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// collector is an HEC-like test server recording every request id it
// acknowledged. down makes it answer 503.
type collector struct {
	mu    sync.Mutex
	seen  map[string]int
	total int
	down  atomic.Bool
	posts atomic.Int64
}

func newCollector() *collector { return &collector{seen: map[string]int{}} }

func (c *collector) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.posts.Add(1)
	body, err := io.ReadAll(r.Body)
	if err != nil || c.down.Load() {
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	var ids []string
	dec := json.NewDecoder(bytes.NewReader(body))
	for {
		var m struct {
			Event struct {
				RequestID string `json:"request_id"`
			} `json:"event"`
		}
		if err := dec.Decode(&m); err == io.EOF {
			break
		} else if err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		ids = append(ids, m.Event.RequestID)
	}
	c.mu.Lock()
	for _, id := range ids {
		c.seen[id]++
		c.total++
	}
	c.mu.Unlock()
	_, _ = w.Write([]byte(`{"text":"Success","code":0}`))
}

func (c *collector) counts() (distinct, total int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.seen), c.total
}

func runForward(ctx context.Context, logPath, url, checkpoint string) (*Forwarder, error) {
	fw := New(Config{
		Sources:    []Source{&FileSource{Path: logPath}},
		Events:     &Output{Sink: &sink.HTTP{URL: url, Kind: sink.HEC, MinBackoff: 10 * time.Millisecond, MaxBackoff: 200 * time.Millisecond}, Format: sink.FormatJSON},
		Checkpoint: checkpoint,
		BatchSize:  1000,
		MinBackoff: 10 * time.Millisecond,
		MaxBackoff: 200 * time.Millisecond,
	})
	return fw, fw.Run(ctx)
}

func TestForwardResumesFromCheckpoint(t *testing.T) {
	dir := t.TempDir()
	logPath, cpPath := filepath.Join(dir, "audit.log"), filepath.Join(dir, "cp.json")
	writeLog(t, logPath, 3000)
	c := newCollector()
	srv := httptest.NewServer(c)
	defer srv.Close()
	if _, err := runForward(context.Background(), logPath, srv.URL, cpPath); err != nil {
		t.Fatal(err)
	}
	if d, tot := c.counts(); d != 3000 || tot != 3000 {
		t.Fatalf("first run: %d distinct, %d total", d, tot)
	}
	// A second run resumes at the end: nothing is sent again.
	if _, err := runForward(context.Background(), logPath, srv.URL, cpPath); err != nil {
		t.Fatal(err)
	}
	if d, tot := c.counts(); d != 3000 || tot != 3000 {
		t.Fatalf("after resume: %d distinct, %d total", d, tot)
	}
	// Appending continues from the checkpoint.
	f, _ := os.OpenFile(logPath, os.O_APPEND|os.O_WRONLY, 0)
	fmt.Fprintln(f, `{"time":"2026-11-25T11:00:00Z","type":"request","request":{"id":"11111111-1111-1111-1111-111111111111","operation":"read","path":"kv/data/x"}}`)
	f.Close()
	if _, err := runForward(context.Background(), logPath, srv.URL, cpPath); err != nil {
		t.Fatal(err)
	}
	if d, tot := c.counts(); d != 3001 || tot != 3001 {
		t.Fatalf("after append: %d distinct, %d total", d, tot)
	}
}

// TestSinkDownLosesNothing keeps the sink down for a while in the middle
// of a file: the reader waits and every event arrives once the sink is
// back. The outage is 30s (3s with -short); VAULTGUARD_SINK_DOWN sets
// another.
func TestSinkDownLosesNothing(t *testing.T) {
	outage := 30 * time.Second
	if testing.Short() {
		outage = 3 * time.Second
	}
	if v := os.Getenv("VAULTGUARD_SINK_DOWN"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			t.Fatal(err)
		}
		outage = d
	}
	dir := t.TempDir()
	logPath, cpPath := filepath.Join(dir, "audit.log"), filepath.Join(dir, "cp.json")
	const n = 20000
	writeLog(t, logPath, n)
	c := newCollector()
	srv := httptest.NewServer(c)
	defer srv.Close()
	c.down.Store(true)
	go func() {
		time.Sleep(outage)
		c.down.Store(false)
	}()
	start := time.Now()
	fw, err := runForward(context.Background(), logPath, srv.URL, cpPath)
	if err != nil {
		t.Fatal(err)
	}
	if time.Since(start) < outage {
		t.Errorf("finished before the sink came back")
	}
	d, tot := c.counts()
	if d != n || tot != n {
		t.Fatalf("after a %s outage: %d distinct of %d, %d total", outage, d, n, tot)
	}
	t.Logf("outage %s: %d events delivered once each, %d posts refused then retried, %d send errors", outage, d, c.posts.Load(), fw.Stats.SendErrors)
}

// TestInterruptFlushes cancels a run reading a socket-less stdin stream
// whose sink is slow: what was read is still delivered within the grace.
func TestInterruptFlushes(t *testing.T) {
	pr, pw := io.Pipe()
	ms := &memSink{}
	fw := New(Config{Sources: []Source{&ReaderSource{Label: "-", R: pr}}, Events: &Output{Sink: ms, Format: sink.FormatJSON},
		FlushEvery: time.Hour, Grace: 5 * time.Second})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- fw.Run(ctx) }()
	// A request without its response yet, and a complete response.
	fmt.Fprintln(pw, `{"time":"2026-11-25T10:00:00Z","type":"request","request":{"id":"a","operation":"read","path":"kv/data/x"}}`)
	fmt.Fprintln(pw, `{"time":"2026-11-25T10:00:01Z","type":"response","request":{"id":"b","operation":"read","path":"kv/data/y"},"response":{}}`)
	for fw.linesSeen() < 2 {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	<-done
	pw.Close()
	if ms.len() != 2 {
		t.Fatalf("delivered %d of 2 after interrupt: %v", ms.len(), ms.items)
	}
}
