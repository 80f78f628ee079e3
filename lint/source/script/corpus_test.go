package script_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vaultguard/vaultguard/internal/shareddata"
	"github.com/vaultguard/vaultguard/lint/source/script"
)

func corpus(t *testing.T, sub string) string {
	t.Helper()
	return shareddata.Path(t, "corpus", sub)
}

// TestCorpus reads every public script of the shared corpus (bootstrap
// scripts, a bats test, cloud-init templates, the official Docker
// entrypoint): all are valid shell, so none may crash the adapter or be
// reported as unparseable, and the vault commands in them are found.
func TestCorpus(t *testing.T) {
	entries, err := os.ReadDir(corpus(t, "script"))
	if err != nil {
		t.Fatal(err)
	}
	dir := corpus(t, "script")
	objects, policies := 0, 0
	for _, e := range entries {
		src, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		name := e.Name()
		if strings.HasSuffix(name, ".bats") {
			name = "test.bats"
		}
		in, errs := script.New().Read(name, src)
		for _, er := range errs {
			t.Errorf("%s: %v", e.Name(), er)
		}
		if in != nil {
			objects += len(in.Objects)
			policies += len(in.Policies)
		}
	}
	t.Logf("%d files: %d objects, %d policies", len(entries), objects, policies)
	if objects < len(entries) {
		t.Errorf("only %d objects from %d scripts", objects, len(entries))
	}
}
