package forward

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"sync"
	"sync/atomic"
)

// Listener is the receiving end of Vault's socket audit device: tcp://,
// udp:// or unix:// (socket_type tcp, udp or unix). Vault blocks a request
// while its audit write blocks, so a Listener never blocks on the
// pipeline: lines go through a Spool that spills to disk and drops (and
// counts) only when that is full.
type Listener struct {
	URL   string
	Spool *Spool
	// Ready, if set, is closed once the socket listens.
	Ready chan struct{}
	// Addr is the bound address once listening (useful with port 0).
	Addr  atomic.Value
	Conns atomic.Int64
}

// Name implements Source.
func (l *Listener) Name() string { return l.URL }

// Run implements Source.
func (l *Listener) Run(ctx context.Context, idx int, out chan<- Line) error {
	scheme, addr, ok := strings.Cut(l.URL, "://")
	if !ok {
		return fmt.Errorf("listen address %q: want tcp://, udp:// or unix://", l.URL)
	}
	if l.Spool == nil {
		sp, err := NewSpool("", 4096, 0)
		if err != nil {
			return err
		}
		l.Spool = sp
	}
	defer l.Spool.Close()
	done := make(chan error, 1)
	go func() { done <- l.Spool.Drain(ctx, idx, out) }()
	var lc net.ListenConfig
	switch scheme {
	case "udp":
		pc, err := lc.ListenPacket(ctx, "udp", addr)
		if err != nil {
			return fmt.Errorf("listen %s: %w", l.URL, err)
		}
		l.ready(pc.LocalAddr())
		go func() { <-ctx.Done(); pc.Close() }()
		buf := make([]byte, 64<<10)
		for {
			n, _, err := pc.ReadFrom(buf)
			if err != nil {
				if ctx.Err() != nil {
					return <-done
				}
				return fmt.Errorf("read %s: %w", l.URL, err)
			}
			for _, line := range bytes.Split(buf[:n], []byte("\n")) {
				if line = bytes.TrimSpace(line); len(line) > 0 {
					l.Spool.Push(line)
				}
			}
		}
	case "tcp", "unix":
		if scheme == "unix" {
			_ = os.Remove(addr)
		}
		ln, err := lc.Listen(ctx, scheme, addr)
		if err != nil {
			return fmt.Errorf("listen %s: %w", l.URL, err)
		}
		l.ready(ln.Addr())
		go func() { <-ctx.Done(); ln.Close() }()
		var wg sync.WaitGroup
		defer wg.Wait()
		for {
			c, err := ln.Accept()
			if err != nil {
				if ctx.Err() != nil {
					return <-done
				}
				var ne net.Error
				if errors.As(err, &ne) && ne.Timeout() {
					continue
				}
				return fmt.Errorf("accept %s: %w", l.URL, err)
			}
			l.Conns.Add(1)
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer c.Close()
				go func() { <-ctx.Done(); c.Close() }()
				sc := bufio.NewScanner(c)
				sc.Buffer(make([]byte, 0, 64<<10), maxLine)
				for sc.Scan() {
					if line := bytes.TrimSpace(sc.Bytes()); len(line) > 0 {
						l.Spool.Push(line)
					}
				}
			}()
		}
	}
	return fmt.Errorf("listen address %q: want tcp://, udp:// or unix://", l.URL)
}

func (l *Listener) ready(a net.Addr) {
	l.Addr.Store(a.String())
	if l.Ready != nil {
		close(l.Ready)
	}
}
