package sink

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Sink delivers batches of encoded items. Send returns nil only when the
// receiver has acknowledged every item of the batch (for a stream
// transport: the bytes were written to the connection without error).
type Sink interface {
	Send(ctx context.Context, batch [][]byte) error
	Close() error
}

// Writer writes one item per line to w (stdout for NDJSON).
type Writer struct {
	mu sync.Mutex
	w  io.Writer
}

var _ Sink = (*Writer)(nil)

// NewWriter returns a Sink writing lines to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Send implements Sink.
func (s *Writer) Send(_ context.Context, batch [][]byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var buf bytes.Buffer
	for _, b := range batch {
		buf.Write(b)
		buf.WriteByte('\n')
	}
	if _, err := s.w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write items: %w", err)
	}
	return nil
}

// Close implements Sink.
func (s *Writer) Close() error { return nil }

// Syslog sends RFC 5424 messages over UDP (one per datagram), TCP or TLS
// (octet-counted framing, RFC 6587), reconnecting after an error.
type Syslog struct {
	network, addr string
	tlsConf       *tls.Config
	hostname      string
	facility      int
	conn          net.Conn
}

var _ Sink = (*Syslog)(nil)

// NewSyslog returns a syslog sink for a URL: udp://host:514,
// tcp://host:601 or tls://host:6514 (tlsConf may be nil for the system
// roots).
func NewSyslog(rawURL string, tlsConf *tls.Config) (*Syslog, error) {
	scheme, addr, ok := strings.Cut(rawURL, "://")
	if !ok || (scheme != "udp" && scheme != "tcp" && scheme != "tls") || addr == "" {
		return nil, fmt.Errorf("syslog address %q: want udp://, tcp:// or tls://host:port", rawURL)
	}
	host, _ := os.Hostname()
	if host == "" {
		host = "-"
	}
	return &Syslog{network: scheme, addr: addr, tlsConf: tlsConf, hostname: host, facility: 10}, nil // authpriv
}

func (s *Syslog) dial(ctx context.Context) error {
	if s.conn != nil {
		return nil
	}
	d := net.Dialer{Timeout: 10 * time.Second}
	var err error
	switch s.network {
	case "tls":
		td := tls.Dialer{NetDialer: &d, Config: s.tlsConf}
		s.conn, err = td.DialContext(ctx, "tcp", s.addr)
	default:
		s.conn, err = d.DialContext(ctx, s.network, s.addr)
	}
	if err != nil {
		return fmt.Errorf("dial syslog %s://%s: %w", s.network, s.addr, err)
	}
	return nil
}

// Frame builds one RFC 5424 message (without transport framing).
func (s *Syslog) Frame(msg []byte, t time.Time) []byte {
	pri := s.facility*8 + 6 // informational
	hdr := fmt.Sprintf("<%d>1 %s %s vaultguard %d - - ", pri, t.UTC().Format(time.RFC3339Nano), s.hostname, os.Getpid())
	return append([]byte(hdr), msg...)
}

// Send implements Sink.
func (s *Syslog) Send(ctx context.Context, batch [][]byte) error {
	if err := s.dial(ctx); err != nil {
		return err
	}
	now := time.Now()
	var buf bytes.Buffer
	for _, b := range batch {
		m := s.Frame(b, now)
		if s.network == "udp" {
			if _, err := s.conn.Write(m); err != nil {
				s.reset()
				return fmt.Errorf("send syslog datagram: %w", err)
			}
			continue
		}
		buf.WriteString(strconv.Itoa(len(m)))
		buf.WriteByte(' ')
		buf.Write(m)
	}
	if buf.Len() > 0 {
		_ = s.conn.SetWriteDeadline(time.Now().Add(30 * time.Second))
		if _, err := s.conn.Write(buf.Bytes()); err != nil {
			s.reset()
			return fmt.Errorf("send syslog: %w", err)
		}
	}
	return nil
}

func (s *Syslog) reset() {
	if s.conn != nil {
		s.conn.Close()
		s.conn = nil
	}
}

// Close implements Sink.
func (s *Syslog) Close() error {
	s.reset()
	return nil
}

// HTTPKind is the body an HTTP sink posts.
type HTTPKind string

// HTTP sink kinds.
const (
	HEC  HTTPKind = "hec"  // Splunk HTTP Event Collector: {"event":...} objects
	Bulk HTTPKind = "bulk" // Elasticsearch _bulk: create action + document
)

// HTTP posts batches to Splunk HEC or Elasticsearch _bulk, retrying with
// exponential backoff and jitter until acknowledged, the context ends, or
// the receiver rejects the batch for good (a 4xx other than 408 and 429).
type HTTP struct {
	URL    string
	Kind   HTTPKind
	Header http.Header
	Client *http.Client
	// MinBackoff and MaxBackoff bound the wait between retries.
	MinBackoff, MaxBackoff time.Duration
	// MaxAttempts bounds the tries of one Send (0: until ctx ends).
	MaxAttempts int
	// Retries counts retried posts.
	Retries int64
}

var _ Sink = (*HTTP)(nil)

// PermanentError is a rejection that retrying will not fix.
type PermanentError struct{ Err error }

func (e *PermanentError) Error() string { return e.Err.Error() }
func (e *PermanentError) Unwrap() error { return e.Err }

func (h *HTTP) body(batch [][]byte) []byte {
	var buf bytes.Buffer
	for _, b := range batch {
		switch h.Kind {
		case Bulk:
			buf.WriteString(`{"create":{}}` + "\n")
			buf.Write(b)
			buf.WriteByte('\n')
		default:
			buf.WriteString(`{"sourcetype":"hashicorp_vault:audit","source":"vaultguard","event":`)
			if json.Valid(b) {
				buf.Write(b)
			} else {
				s, _ := json.Marshal(string(b))
				buf.Write(s)
			}
			buf.WriteString("}\n")
		}
	}
	return buf.Bytes()
}

// Send implements Sink.
func (h *HTTP) Send(ctx context.Context, batch [][]byte) error {
	if len(batch) == 0 {
		return nil
	}
	body := h.body(batch)
	minB, maxB := h.MinBackoff, h.MaxBackoff
	if minB <= 0 {
		minB = 100 * time.Millisecond
	}
	if maxB <= 0 {
		maxB = 30 * time.Second
	}
	client := h.Client
	if client == nil {
		client = &http.Client{Timeout: 60 * time.Second}
	}
	wait := minB
	for attempt := 1; ; attempt++ {
		err := h.post(ctx, client, body)
		if err == nil {
			return nil
		}
		var perm *PermanentError
		if errors.As(err, &perm) || ctx.Err() != nil || (h.MaxAttempts > 0 && attempt >= h.MaxAttempts) {
			return err
		}
		h.Retries++
		jit := time.Duration(rand.Int64N(int64(wait)/2 + 1))
		select {
		case <-ctx.Done():
			return fmt.Errorf("post %s: %w (last error: %w)", h.URL, ctx.Err(), err)
		case <-time.After(wait/2 + jit):
		}
		wait = min(wait*2, maxB)
	}
}

func (h *HTTP) post(ctx context.Context, client *http.Client, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.URL, bytes.NewReader(body))
	if err != nil {
		return &PermanentError{fmt.Errorf("build request for %s: %w", h.URL, err)}
	}
	for k, v := range h.Header {
		req.Header[k] = v
	}
	if h.Kind == Bulk {
		req.Header.Set("Content-Type", "application/x-ndjson")
	} else {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("post %s: %w", h.URL, err)
	}
	defer resp.Body.Close()
	rb, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	switch {
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusRequestTimeout || resp.StatusCode >= 500:
		return fmt.Errorf("post %s: %s", h.URL, resp.Status)
	case resp.StatusCode >= 300:
		return &PermanentError{fmt.Errorf("post %s: %s: %s", h.URL, resp.Status, firstLine(rb))}
	}
	if h.Kind == Bulk {
		// _bulk answers 200 even when items fail; retry the batch when any
		// did (create of an already indexed document is a 409, harmless).
		var r struct {
			Errors bool `json:"errors"`
			Items  []map[string]struct {
				Status int `json:"status"`
			} `json:"items"`
		}
		if json.Unmarshal(rb, &r) == nil && r.Errors {
			for _, it := range r.Items {
				for _, v := range it {
					if v.Status >= 300 && v.Status != http.StatusConflict {
						return fmt.Errorf("post %s: bulk item status %d", h.URL, v.Status)
					}
				}
			}
		}
	}
	return nil
}

func firstLine(b []byte) string {
	s := bufio.NewScanner(bytes.NewReader(b))
	if s.Scan() {
		return s.Text()
	}
	return ""
}

// Close implements Sink.
func (h *HTTP) Close() error { return nil }

// TLSOptions configure TLS to a receiver run with a private CA or one
// that wants client certificates (syslog over TLS, Splunk, Elasticsearch).
type TLSOptions struct {
	CAFile   string // PEM CA certificates trusted in addition to the system's
	CertFile string // PEM client certificate, with KeyFile
	KeyFile  string
}

// Config builds the tls.Config; nil when no option is set (system roots).
func (o TLSOptions) Config() (*tls.Config, error) {
	if o == (TLSOptions{}) {
		return nil, nil
	}
	conf := &tls.Config{MinVersion: tls.VersionTLS12}
	if o.CAFile != "" {
		pem, err := os.ReadFile(o.CAFile)
		if err != nil {
			return nil, fmt.Errorf("CA file: %w", err)
		}
		pool, err := x509.SystemCertPool()
		if err != nil || pool == nil {
			pool = x509.NewCertPool()
		}
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("CA file %s: no PEM certificate in it", o.CAFile)
		}
		conf.RootCAs = pool
	}
	if (o.CertFile == "") != (o.KeyFile == "") {
		return nil, errors.New("a client certificate needs both a certificate file and a key file")
	}
	if o.CertFile != "" {
		cert, err := tls.LoadX509KeyPair(o.CertFile, o.KeyFile)
		if err != nil {
			return nil, fmt.Errorf("client certificate: %w", err)
		}
		conf.Certificates = []tls.Certificate{cert}
	}
	return conf, nil
}

// Open builds a sink from a --to value: "-" or "stdout", syslog URLs
// (udp://, tcp://, tls://), "hec+https://host:8088/services/collector"
// (token from $VAULTGUARD_HEC_TOKEN) or "bulk+http://host:9200/index/_bulk".
// tlsConf (nil: the system roots) applies to tls:// and https:// sinks.
func Open(to string, stdout io.Writer, tlsConf *tls.Config) (Sink, error) {
	var client *http.Client
	if tlsConf != nil {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.TLSClientConfig = tlsConf
		client = &http.Client{Timeout: 60 * time.Second, Transport: tr}
	}
	switch {
	case to == "" || to == "-" || to == "stdout":
		return NewWriter(stdout), nil
	case strings.HasPrefix(to, "udp://"), strings.HasPrefix(to, "tcp://"), strings.HasPrefix(to, "tls://"):
		return NewSyslog(to, tlsConf)
	case strings.HasPrefix(to, "hec+"):
		h := &HTTP{URL: strings.TrimPrefix(to, "hec+"), Kind: HEC, Header: http.Header{}, Client: client}
		if tok := os.Getenv("VAULTGUARD_HEC_TOKEN"); tok != "" {
			h.Header.Set("Authorization", "Splunk "+tok)
		}
		return h, nil
	case strings.HasPrefix(to, "bulk+"):
		h := &HTTP{URL: strings.TrimPrefix(to, "bulk+"), Kind: Bulk, Header: http.Header{}, Client: client}
		if key := os.Getenv("VAULTGUARD_ES_API_KEY"); key != "" {
			h.Header.Set("Authorization", "ApiKey "+key)
		}
		return h, nil
	}
	return nil, fmt.Errorf("sink %q: want -, udp://, tcp://, tls://, hec+URL or bulk+URL", to)
}
