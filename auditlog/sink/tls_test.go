package sink

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"log"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func writePEM(t *testing.T, path, typ string, der []byte) {
	t.Helper()
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
}

// clientCert makes a self-signed client certificate and writes it and its
// key as PEM files.
func clientCert(t *testing.T, dir string) (certFile, keyFile string, cert *x509.Certificate) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "vaultguard-forwarder"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
		BasicConstraintsValid: true, IsCA: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err = x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile = filepath.Join(dir, "client.pem"), filepath.Join(dir, "client-key.pem")
	writePEM(t, certFile, "CERTIFICATE", der)
	writePEM(t, keyFile, "EC PRIVATE KEY", kder)
	return certFile, keyFile, cert
}

// TestPrivateCAAndClientCertificate: a Splunk or Elasticsearch behind a
// private CA that requires client certificates is reached with --ca-file,
// --client-cert and --client-key, and refused without them.
func TestPrivateCAAndClientCertificate(t *testing.T) {
	dir := t.TempDir()
	certFile, keyFile, clientCA := clientCert(t, dir)
	var posts atomic.Int32
	hs := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		posts.Add(1)
		w.WriteHeader(http.StatusOK)
	}))
	pool := x509.NewCertPool()
	pool.AddCert(clientCA)
	hs.TLS = &tls.Config{ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: pool}
	hs.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshakes are expected
	hs.StartTLS()
	defer hs.Close()
	caFile := filepath.Join(dir, "ca.pem")
	writePEM(t, caFile, "CERTIFICATE", hs.Certificate().Raw)

	send := func(o TLSOptions) error {
		conf, err := o.Config()
		if err != nil {
			return err
		}
		s, err := Open("hec+"+hs.URL+"/services/collector", nil, conf)
		if err != nil {
			return err
		}
		s.(*HTTP).MaxAttempts = 1
		return s.Send(context.Background(), [][]byte{[]byte(`{"x":1}`)})
	}
	if err := send(TLSOptions{}); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("system roots trusted a private CA: %v", err)
	}
	if err := send(TLSOptions{CAFile: caFile}); err == nil {
		t.Fatal("the server requires a client certificate, yet a post without one succeeded")
	}
	if err := send(TLSOptions{CAFile: caFile, CertFile: certFile, KeyFile: keyFile}); err != nil {
		t.Fatalf("with the CA and a client certificate: %v", err)
	}
	if posts.Load() != 1 {
		t.Fatalf("%d posts reached the server, want 1", posts.Load())
	}
}

func TestTLSOptionsErrors(t *testing.T) {
	dir := t.TempDir()
	notPEM := filepath.Join(dir, "ca.txt")
	if err := os.WriteFile(notPEM, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		o    TLSOptions
		want string
	}{
		{TLSOptions{CAFile: filepath.Join(dir, "missing.pem")}, "CA file"},
		{TLSOptions{CAFile: notPEM}, "no PEM certificate"},
		{TLSOptions{CertFile: notPEM}, "both a certificate file and a key file"},
		{TLSOptions{CertFile: notPEM, KeyFile: notPEM}, "client certificate"},
	} {
		if _, err := c.o.Config(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: err %v, want %q", c.o, err, c.want)
		}
	}
	if conf, err := (TLSOptions{}).Config(); conf != nil || err != nil {
		t.Errorf("no options: %v %v, want the system defaults (nil)", conf, err)
	}
}
