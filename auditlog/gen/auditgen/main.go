// Command auditgen writes a synthetic Vault audit log of realistic shape
// for benchmarks: auditgen -size 1GiB > /tmp/audit.log, or -size -1 to
// stream forever into a pipe.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"

	"github.com/vaultguard/vaultguard/auditlog/gen"
)

func parseSize(s string) (int64, error) {
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}} {
		if strings.HasSuffix(s, u.suffix) {
			mult, s = u.m, strings.TrimSuffix(s, u.suffix)
			break
		}
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("bad size %q", s)
	}
	if v < 0 {
		return -1, nil
	}
	return v * mult, nil
}

func main() {
	cfg := gen.DefaultConfig()
	size := flag.String("size", "1GiB", "bytes to write (suffix KiB, MiB, GiB); -1 writes until the reader goes away")
	flag.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "random seed")
	flag.IntVar(&cfg.Identities, "identities", cfg.Identities, "distinct identities")
	flag.IntVar(&cfg.Secrets, "secrets", cfg.Secrets, "distinct KV secrets")
	flag.StringVar(&cfg.TargetPath, "target", cfg.TargetPath, "KV v2 API path read once every -every requests")
	flag.IntVar(&cfg.TargetEvery, "every", cfg.TargetEvery, "how often the target is read")
	flag.Parse()
	n, err := parseSize(*size)
	if err != nil {
		fmt.Fprintln(os.Stderr, "auditgen:", err)
		os.Exit(2)
	}
	g := gen.New(cfg)
	if _, err := g.Write(os.Stdout, n); err != nil && !errors.Is(err, syscall.EPIPE) {
		fmt.Fprintln(os.Stderr, "auditgen:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "auditgen: %d request/response pairs, target %s read %d times\n", g.Pairs(), cfg.TargetPath, g.Pairs()/int64(max(cfg.TargetEvery, 1)))
}
