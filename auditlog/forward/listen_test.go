package forward

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vaultguard/vaultguard/auditlog/sink"
)

func TestSpoolSpillsThenDrops(t *testing.T) {
	sp, err := NewSpool(t.TempDir(), 2, 64)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 10 {
		sp.Push([]byte(fmt.Sprintf("line-%02d", i))) // 7 bytes + 4 of header
	}
	// 2 in memory, 5 on disk (55 bytes <= 64), 3 dropped.
	if sp.Spilled.Load() != 5 || sp.Dropped.Load() != 3 {
		t.Fatalf("spilled %d dropped %d", sp.Spilled.Load(), sp.Dropped.Load())
	}
	out := make(chan Line, 16)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { _ = sp.Drain(ctx, 0, out) }()
	var got []string
	for range 7 {
		got = append(got, string((<-out).Data))
	}
	cancel()
	if strings.Join(got, ",") != "line-00,line-01,line-02,line-03,line-04,line-05,line-06" {
		t.Errorf("order: %v", got)
	}
	if err := sp.Close(); err != nil {
		t.Fatal(err)
	}
}

type memSink struct {
	mu    sync.Mutex
	items []string
}

func (m *memSink) Send(_ context.Context, b [][]byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, x := range b {
		m.items = append(m.items, string(x))
	}
	return nil
}
func (m *memSink) Close() error { return nil }
func (m *memSink) len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.items)
}

func TestListenerTCPAndUDP(t *testing.T) {
	for _, scheme := range []string{"tcp", "udp"} {
		t.Run(scheme, func(t *testing.T) {
			ms := &memSink{}
			l := &Listener{URL: scheme + "://127.0.0.1:0", Ready: make(chan struct{})}
			fw := New(Config{Sources: []Source{l}, Events: &Output{Sink: ms, Format: sink.FormatECS}, FlushEvery: 50 * time.Millisecond})
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- fw.Run(ctx) }()
			<-l.Ready
			c, err := net.Dial(scheme, l.Addr.Load().(string))
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			for i := range 3 {
				buf.Reset()
				fmt.Fprintf(&buf, `{"time":"2026-11-25T10:00:0%dZ","type":"response","auth":{"display_name":"userpass-carol"},"request":{"id":"id-%d","operation":"read","path":"kv/data/x","remote_address":"10.1.1.1"},"response":{}}`+"\n", i, i)
				if _, err := c.Write(buf.Bytes()); err != nil {
					t.Fatal(err)
				}
			}
			c.Close()
			deadline := time.Now().Add(10 * time.Second)
			for ms.len() < 3 && time.Now().Before(deadline) {
				time.Sleep(20 * time.Millisecond)
			}
			cancel()
			<-done
			if ms.len() != 3 || !strings.Contains(ms.items[0], `"user":{"id":"","name":"userpass-carol"`) {
				t.Fatalf("received %d: %v", ms.len(), ms.items)
			}
		})
	}
}

// gateSink blocks every Send until open is closed.
type gateSink struct {
	memSink
	open chan struct{}
}

func (g *gateSink) Send(ctx context.Context, b [][]byte) error {
	select {
	case <-g.open:
	case <-ctx.Done():
		return ctx.Err()
	}
	return g.memSink.Send(ctx, b)
}

// TestListenerSpillsWhileSinkDown: with the sink down, a socket writer is
// never blocked; entries spill to the on-disk spool and all arrive once
// the sink is back, none dropped.
func TestListenerSpillsWhileSinkDown(t *testing.T) {
	sp, err := NewSpool(t.TempDir(), 16, 64<<20)
	if err != nil {
		t.Fatal(err)
	}
	gs := &gateSink{open: make(chan struct{})}
	l := &Listener{URL: "tcp://127.0.0.1:0", Spool: sp, Ready: make(chan struct{})}
	fw := New(Config{Sources: []Source{l}, Events: &Output{Sink: gs, Format: sink.FormatJSON}, BatchSize: 10, QueueBatches: 1, FlushEvery: 20 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- fw.Run(ctx) }()
	<-l.Ready
	c, err := net.Dial("tcp", l.Addr.Load().(string))
	if err != nil {
		t.Fatal(err)
	}
	const n = 5000
	start := time.Now()
	for i := range n {
		fmt.Fprintf(c, `{"time":"2026-11-25T10:00:00Z","type":"response","request":{"id":"id-%d","operation":"read","path":"kv/data/x"},"response":{}}`+"\n", i)
	}
	c.Close()
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("the socket writer was held %s", el)
	}
	deadline := time.Now().Add(10 * time.Second)
	for sp.Spilled.Load()+int64(gs.len()) < n/2 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if sp.Spilled.Load() == 0 {
		t.Fatalf("nothing spilled to disk while the sink was down")
	}
	close(gs.open)
	for gs.len() < n && time.Now().Before(deadline.Add(20*time.Second)) {
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	<-done
	if gs.len() != n || sp.Dropped.Load() != 0 {
		t.Fatalf("delivered %d of %d, dropped %d, spilled %d", gs.len(), n, sp.Dropped.Load(), sp.Spilled.Load())
	}
	t.Logf("%d entries while the sink was down: %d spilled to disk, 0 dropped, all delivered", n, sp.Spilled.Load())
}
