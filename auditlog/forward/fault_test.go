package forward

import (
	"context"
	"math/rand/v2"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestMain lets the fault test re-execute this test binary as the
// forwarder process it kills.
func TestMain(m *testing.M) {
	if os.Getenv("VAULTGUARD_FORWARD_CHILD") == "1" {
		_, err := runForward(context.Background(), os.Getenv("VAULTGUARD_LOG"), os.Getenv("VAULTGUARD_URL"), os.Getenv("VAULTGUARD_CP"))
		if err != nil {
			os.Stderr.WriteString(err.Error() + "\n")
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestForwardSurvivesSIGKILL forwards 200,000 events from a file to an HTTP
// collector, SIGKILLs the forwarder at random points three times and
// restarts it: every event arrives at least once, and duplicates stay
// within one unacknowledged batch per kill.
func TestForwardSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test: 200,000 events, several seconds")
	}
	const n, batch = 200000, 1000
	dir := t.TempDir()
	logPath, cpPath := filepath.Join(dir, "audit.log"), filepath.Join(dir, "cp.json")
	writeLog(t, logPath, n)
	c := newCollector()
	srv := httptest.NewServer(c)
	defer srv.Close()
	start := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "VAULTGUARD_FORWARD_CHILD=1", "VAULTGUARD_LOG="+logPath, "VAULTGUARD_URL="+srv.URL, "VAULTGUARD_CP="+cpPath)
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 8))
	kills := 0
	for kills < 3 {
		before, _ := c.counts()
		cmd := start()
		// Kill once some progress was made since the last start, at a
		// random number of newly received events.
		target := before + 5000 + rng.IntN(40000)
		deadline := time.Now().Add(2 * time.Minute)
		for {
			d, _ := c.counts()
			if d >= target || time.Now().After(deadline) {
				break
			}
			time.Sleep(time.Duration(1+rng.IntN(20)) * time.Millisecond)
		}
		if d, _ := c.counts(); d >= n {
			_ = cmd.Wait()
			t.Logf("run ended before kill %d", kills+1)
			break
		}
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()
		kills++
		d, tot := c.counts()
		t.Logf("SIGKILL %d at %d distinct events received (%d total)", kills, d, tot)
	}
	cmd := start()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("final run: %v", err)
	}
	d, tot := c.counts()
	missing := 0
	for i := range n {
		id := "00000000-0000-0000-0000-" + pad12(i)
		c.mu.Lock()
		k := c.seen[id]
		c.mu.Unlock()
		if k == 0 {
			missing++
		}
	}
	dups := tot - d
	t.Logf("%d kills; %d events, %d distinct received, %d duplicates (bound %d = one batch per kill)", kills, n, d, dups, kills*batch)
	if missing > 0 || d != n {
		t.Errorf("%d events never received (%d distinct)", missing, d)
	}
	if dups > kills*batch {
		t.Errorf("%d duplicates exceed one unacknowledged batch (%d) per kill", dups, batch)
	}
}

func pad12(i int) string {
	s := []byte("000000000000")
	for j := 11; i > 0 && j >= 0; j-- {
		s[j] = byte('0' + i%10)
		i /= 10
	}
	return string(s)
}
