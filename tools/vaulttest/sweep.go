package vaulttest

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ownerFile holds the pid of the test binary that owns a server directory.
const ownerFile = "owner.pid"

// sweepStale removes the directories of servers whose test binary died
// without cleaning up (a panic, a timeout, a kill): the parent-death signal
// has already killed their vault, but the directory stays in $TMPDIR.
// Directories of live test binaries, and ones without an owner file yet,
// are left alone.
func sweepStale() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), "vaulttest-*"))
	for _, d := range dirs {
		b, err := os.ReadFile(filepath.Join(d, ownerFile))
		if err != nil {
			continue
		}
		pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err != nil || pid == os.Getpid() || !processGone(pid) {
			continue
		}
		_ = os.RemoveAll(d)
	}
}
