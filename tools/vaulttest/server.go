package vaulttest

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/vault/api"
)

// Storage backends a server can use.
const (
	StorageRaft = "raft" // integrated storage, what production clusters run
	StorageFile = "file" // no leader election; slightly faster to start
)

// Options tune a server. The zero value is what most tests want.
type Options struct {
	// Storage is StorageRaft (default) or StorageFile.
	Storage string
	// LogLevel is the server's log_level; default "info".
	LogLevel string
	// StartTimeout bounds start, init, unseal and becoming active; default 60s.
	StartTimeout time.Duration
}

// Server is a running Vault server owned by a test (Start) or by a test
// package (Shared).
type Server struct {
	// Addr is the API address, https://127.0.0.1:<port>.
	Addr string
	// CACertPEM is the PEM of the CA that signed the server certificate.
	CACertPEM []byte
	// CACertFile is CACertPEM on disk, for VAULT_CACERT.
	CACertFile string
	// Dir is the server's temporary directory (config, storage, logs, audit).
	Dir string
	// LogFile holds the server's stdout and stderr.
	LogFile string
	// Version is the server version reported by sys/health, e.g. "1.21.0".
	Version string
	// StartupTime is how long start, init, unseal and becoming active took.
	StartupTime time.Duration

	rootToken string
	cmd       *exec.Cmd
	exited    chan struct{}
	waitErr   error
	stopOnce  sync.Once
	counter   atomic.Int64
}

// Start starts a server for this test alone; t.Cleanup kills it and removes
// its directory, printing the server log first if the test failed. It skips
// the test when the vault binary has not been built.
func Start(t testing.TB) *Server {
	t.Helper()
	return StartWith(t, Options{})
}

// StartWith is Start with options.
func StartWith(t testing.TB, opts Options) *Server {
	t.Helper()
	s, err := start(context.Background(), opts)
	if err != nil {
		var skip *skipError
		if errors.As(err, &skip) {
			t.Skip(skip.msg)
		}
		t.Fatalf("vaulttest: %v", err)
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("vault server log (%s):\n%s", s.LogFile, s.Log())
		}
		s.Stop()
	})
	return s
}

// start runs the whole startup: directory, certificates, config, process,
// init, unseal, active. On error nothing is left running; the log tail is
// part of the error.
func start(ctx context.Context, opts Options) (*Server, error) {
	if opts.Storage == "" {
		opts.Storage = StorageRaft
	}
	if opts.Storage != StorageRaft && opts.Storage != StorageFile {
		return nil, fmt.Errorf("start: unknown storage %q", opts.Storage)
	}
	if opts.LogLevel == "" {
		opts.LogLevel = "info"
	}
	if opts.StartTimeout == 0 {
		opts.StartTimeout = 60 * time.Second
	}
	bin, err := findBinary()
	if err != nil {
		return nil, err
	}
	sweepStale()
	ctx, cancel := context.WithTimeout(ctx, opts.StartTimeout)
	defer cancel()

	// A free port can be taken by someone else between our probe and
	// vault's bind; try again with new ports in that case.
	for attempt := 1; ; attempt++ {
		s, err := startOnce(ctx, bin, opts)
		if err == nil {
			return s, nil
		}
		if attempt < 3 && errors.Is(err, errPortTaken) {
			continue
		}
		return nil, err
	}
}

var errPortTaken = errors.New("port taken")

func startOnce(ctx context.Context, bin string, opts Options) (s *Server, err error) {
	began := time.Now()
	dir, err := os.MkdirTemp("", "vaulttest-")
	if err != nil {
		return nil, fmt.Errorf("create dir: %w", err)
	}
	s = &Server{Dir: dir, LogFile: filepath.Join(dir, "vault.log"), exited: make(chan struct{})}
	if err := os.WriteFile(filepath.Join(dir, ownerFile), []byte(strconv.Itoa(os.Getpid())), 0o600); err != nil {
		s.Stop()
		return nil, fmt.Errorf("write owner file: %w", err)
	}
	defer func() {
		if err != nil {
			if tail := s.logTail(40); tail != "" {
				err = fmt.Errorf("%w\nlast lines of %s:\n%s", err, s.LogFile, tail)
			}
			s.Stop()
		}
	}()

	certs, err := writeTLS(dir)
	if err != nil {
		return s, err
	}
	s.CACertPEM, s.CACertFile = certs.caPEM, certs.caFile

	ports, err := freePorts(2)
	if err != nil {
		return s, err
	}
	s.Addr = "https://127.0.0.1:" + strconv.Itoa(ports[0])
	// Vault creates the file backend's directory but not raft's.
	if err := os.Mkdir(filepath.Join(dir, opts.Storage), 0o700); err != nil {
		return s, fmt.Errorf("create storage dir: %w", err)
	}
	cfgPath := filepath.Join(dir, "config.hcl")
	if err := os.WriteFile(cfgPath, []byte(serverConfig(dir, opts, ports, certs)), 0o600); err != nil {
		return s, fmt.Errorf("write config: %w", err)
	}
	if err := s.run(bin, cfgPath); err != nil {
		return s, err
	}

	c, err := s.client("")
	if err != nil {
		return s, err
	}
	health, err := s.waitListening(ctx, c)
	if err != nil {
		return s, err
	}
	s.Version = health.Version

	initResp, err := c.Sys().InitWithContext(ctx, &api.InitRequest{SecretShares: 1, SecretThreshold: 1})
	if err != nil {
		return s, fmt.Errorf("init: %w", err)
	}
	if len(initResp.Keys) != 1 || initResp.RootToken == "" {
		return s, fmt.Errorf("init: got %d unseal keys and a root token: %t", len(initResp.Keys), initResp.RootToken != "")
	}
	s.rootToken = initResp.RootToken
	if _, err := c.Sys().UnsealWithContext(ctx, initResp.Keys[0]); err != nil {
		return s, fmt.Errorf("unseal: %w", err)
	}
	c.SetToken(s.rootToken)
	if err := s.waitActive(ctx, c); err != nil {
		return s, err
	}
	s.StartupTime = time.Since(began)
	return s, nil
}

func serverConfig(dir string, opts Options, ports []int, certs tlsFiles) string {
	q := strconv.Quote
	var b strings.Builder
	fmt.Fprintf(&b, "ui = false\ndisable_mlock = true\nlog_level = %s\n", q(opts.LogLevel))
	fmt.Fprintf(&b, "api_addr = %s\n", q(fmt.Sprintf("https://127.0.0.1:%d", ports[0])))
	switch opts.Storage {
	case StorageRaft:
		fmt.Fprintf(&b, "cluster_addr = %s\n", q(fmt.Sprintf("https://127.0.0.1:%d", ports[1])))
		fmt.Fprintf(&b, "storage \"raft\" {\n  path = %s\n  node_id = \"vaulttest\"\n  performance_multiplier = 1\n}\n",
			q(filepath.Join(dir, "raft")))
	case StorageFile:
		b.WriteString("disable_clustering = true\n")
		fmt.Fprintf(&b, "storage \"file\" {\n  path = %s\n}\n", q(filepath.Join(dir, "file")))
	}
	fmt.Fprintf(&b, "listener \"tcp\" {\n  address = %s\n", q(fmt.Sprintf("127.0.0.1:%d", ports[0])))
	if opts.Storage == StorageRaft {
		fmt.Fprintf(&b, "  cluster_address = %s\n", q(fmt.Sprintf("127.0.0.1:%d", ports[1])))
	}
	fmt.Fprintf(&b, "  tls_cert_file = %s\n  tls_key_file = %s\n}\n", q(certs.certFile), q(certs.keyFile))
	return b.String()
}

// freePorts asks the kernel for n distinct free loopback ports.
func freePorts(n int) ([]int, error) {
	ports := make([]int, 0, n)
	var ls []net.Listener
	defer func() {
		for _, l := range ls {
			l.Close()
		}
	}()
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, fmt.Errorf("free port: %w", err)
		}
		ls = append(ls, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}

// run starts the process from a goroutine locked to its OS thread, which
// lives until the process has been reaped: Pdeathsig fires when the starting
// thread exits, and Go may otherwise retire that thread while vault runs.
func (s *Server) run(bin, cfgPath string) error {
	logf, err := os.OpenFile(s.LogFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("open server log: %w", err)
	}
	cmd := exec.Command(bin, "server", "-config="+cfgPath)
	cmd.Dir = s.Dir
	cmd.Env = serverEnv(s.Dir)
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = sysProcAttr()
	s.cmd = cmd

	started := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		// No UnlockOSThread: the thread ends with this goroutine, after
		// vault has exited.
		if err := cmd.Start(); err != nil {
			logf.Close()
			started <- err
			close(s.exited)
			return
		}
		started <- nil
		s.waitErr = cmd.Wait()
		logf.Close()
		close(s.exited)
	}()
	if err := <-started; err != nil {
		return fmt.Errorf("start vault: %w", err)
	}
	return nil
}

// serverEnv is a minimal environment: no VAULT_* variables from the caller
// (they would reconfigure the server) and a HOME inside the run directory.
func serverEnv(dir string) []string {
	env := []string{"HOME=" + dir}
	for _, k := range []string{"PATH", "TMPDIR", "TZ"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	return env
}

func (s *Server) waitListening(ctx context.Context, c *api.Client) (*api.HealthResponse, error) {
	for {
		h, err := c.Sys().HealthWithContext(ctx)
		if err == nil {
			return h, nil
		}
		select {
		case <-s.exited:
			if strings.Contains(s.logTail(20), "address already in use") {
				return nil, fmt.Errorf("wait for listener: %w", errPortTaken)
			}
			return nil, fmt.Errorf("wait for listener: %w", s.exitErr())
		case <-ctx.Done():
			return nil, fmt.Errorf("wait for listener: %w (last error: %w)", ctx.Err(), err)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// waitActive waits until the node is unsealed, active, and serves an
// authenticated request; with raft that includes winning the election.
func (s *Server) waitActive(ctx context.Context, c *api.Client) error {
	var last error
	for {
		h, err := c.Sys().HealthWithContext(ctx)
		switch {
		case err != nil:
			last = err
		case h.Sealed || h.Standby || !h.Initialized:
			last = fmt.Errorf("health: sealed=%t standby=%t initialized=%t", h.Sealed, h.Standby, h.Initialized)
		default:
			_, err = c.Sys().ListMountsWithContext(ctx)
			if err == nil {
				return nil
			}
			last = err
		}
		select {
		case <-s.exited:
			return fmt.Errorf("wait for active: %w", s.exitErr())
		case <-ctx.Done():
			return fmt.Errorf("wait for active: %w (last: %w)", ctx.Err(), last)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// exitErr describes how vault exited; call it only after exited is closed.
func (s *Server) exitErr() error {
	if s.waitErr == nil {
		return errors.New("vault exited with status 0")
	}
	return fmt.Errorf("vault exited: %w", s.waitErr)
}

// Stop kills the server and removes its directory (kept when
// VAULTGUARD_VAULTTEST_KEEP is set). It is safe to call more than once.
func (s *Server) Stop() {
	s.stopOnce.Do(func() {
		if s.cmd != nil && s.cmd.Process != nil {
			select {
			case <-s.exited:
			default:
				_ = s.cmd.Process.Kill()
				<-s.exited
			}
		}
		if os.Getenv("VAULTGUARD_VAULTTEST_KEEP") != "" {
			fmt.Fprintf(os.Stderr, "vaulttest: kept %s\n", s.Dir)
			return
		}
		_ = os.RemoveAll(s.Dir)
	})
}

// Log returns the server's output so far.
func (s *Server) Log() string {
	b, err := os.ReadFile(s.LogFile)
	if err != nil {
		return fmt.Sprintf("(read server log: %v)", err)
	}
	return string(b)
}

func (s *Server) logTail(n int) string {
	b, err := os.ReadFile(s.LogFile)
	if err != nil {
		return ""
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// client builds an API client that trusts only the run's CA and reads
// nothing from the environment: no VAULT_TOKEN, VAULT_NAMESPACE or agent
// address of the developer's shell leaks into a test.
func (s *Server) client(token string) (*api.Client, error) {
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(s.CACertPEM) {
		return nil, errors.New("client: bad ca pem")
	}
	hc := &http.Client{
		Transport: &http.Transport{
			Proxy:             nil,
			TLSClientConfig:   &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12},
			ForceAttemptHTTP2: true,
			MaxIdleConns:      10,
			IdleConnTimeout:   30 * time.Second,
		},
		// The api package handles redirects itself.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	c, err := api.NewClient(&api.Config{
		Address:    s.Addr,
		HttpClient: hc,
		Timeout:    30 * time.Second,
		MaxRetries: 0,
	})
	if err != nil {
		return nil, fmt.Errorf("client: %w", err)
	}
	c.SetToken(token)
	c.ClearNamespace()
	return c, nil
}
