package live

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hashicorp/vault/api"
)

// ClientOptions configure NewClient.
type ClientOptions struct {
	// Log, when set, receives one line per request (method, path, status,
	// duration). The token never appears in it: only the URL path is
	// logged, never headers or bodies.
	Log io.Writer
	// TokenFile is the token helper file read when VAULT_TOKEN is unset;
	// "" means ~/.vault-token, the vault CLI's default helper.
	TokenFile string
}

// NewClient builds a Vault API client the way the vault CLI does: address,
// CA, TLS settings and namespace from VAULT_ADDR, VAULT_CACERT,
// VAULT_CAPATH, VAULT_SKIP_VERIFY, VAULT_NAMESPACE...; the token from
// VAULT_TOKEN, else from the token helper file (~/.vault-token). External
// token helpers configured in ~/.vault are not run.
func NewClient(opts ClientOptions) (*api.Client, error) {
	cfg := api.DefaultConfig()
	if cfg.Error != nil {
		return nil, fmt.Errorf("vault client: read environment: %w", cfg.Error)
	}
	if opts.Log != nil {
		cfg.HttpClient.Transport = &logTransport{base: cfg.HttpClient.Transport, w: opts.Log}
	}
	c, err := api.NewClient(cfg)
	if err != nil {
		return nil, fmt.Errorf("vault client: %w", err)
	}
	if c.Token() == "" {
		tok, err := helperToken(opts.TokenFile)
		if err != nil {
			return nil, err
		}
		c.SetToken(tok)
	}
	if c.Token() == "" {
		return nil, fmt.Errorf("vault client: no token: set VAULT_TOKEN or run `vault login`")
	}
	return c, nil
}

// helperToken reads the token the vault CLI's internal helper stores.
func helperToken(file string) (string, error) {
	if file == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", nil //nolint:nilerr // no home: no helper file, same as a missing one
		}
		file = filepath.Join(home, ".vault-token")
	}
	b, err := os.ReadFile(file)
	if os.IsNotExist(err) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("vault client: read token helper file %s: %w", file, err)
	}
	return strings.TrimSpace(string(b)), nil
}

// logTransport logs requests without their headers (where the token
// travels) or bodies (where lookup-accessor and capabilities put theirs).
type logTransport struct {
	base http.RoundTripper
	w    io.Writer
}

func (t *logTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	start := time.Now()
	resp, err := t.base.RoundTrip(req)
	method := req.Method
	if req.URL.Query().Get("list") == "true" {
		method = "LIST"
	}
	if err != nil {
		fmt.Fprintf(t.w, "vault: %s %s: %v\n", method, req.URL.Path, redact(err.Error(), req))
		return resp, err
	}
	fmt.Fprintf(t.w, "vault: %s %s -> %d (%s)\n", method, req.URL.Path, resp.StatusCode, time.Since(start).Round(time.Millisecond))
	return resp, nil
}

// redact removes the request's token from an error text, in case a
// transport ever quotes a header.
func redact(s string, req *http.Request) string {
	if tok := req.Header.Get("X-Vault-Token"); tok != "" {
		s = strings.ReplaceAll(s, tok, "[redacted]")
	}
	return s
}
