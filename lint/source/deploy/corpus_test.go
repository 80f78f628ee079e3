package deploy_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vaultguard/vaultguard/internal/shareddata"
	"github.com/vaultguard/vaultguard/lint/source/deploy"
)

func corpus(t *testing.T, sub string) string {
	t.Helper()
	return shareddata.Path(t, "corpus", sub)
}

// TestCorpus reads every public deployment file of the shared corpus
// (compose files, Kubernetes manifests, Helm values, Dockerfiles, systemd
// units): none may crash the adapter or be reported as unparseable.
func TestCorpus(t *testing.T) {
	dir := corpus(t, "deploy")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	a := deploy.New()
	read := 0
	servers := 0
	for _, e := range entries {
		// Corpus names flatten the repository path with "__"; the last
		// part is the file's own name (Dockerfile, vault.service.j2...).
		parts := strings.Split(e.Name(), "__")
		name := parts[len(parts)-1]
		if !a.Match(name, nil) {
			continue
		}
		src, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		in, errs := a.Read(name, src)
		for _, er := range errs {
			t.Errorf("%s: %v", e.Name(), er)
		}
		read++
		if in != nil {
			for _, o := range in.Objects {
				if o.Kind == "server_command" {
					servers++
				}
			}
		}
	}
	t.Logf("%d files read, %d server commands", read, servers)
	if read < 10 || servers == 0 {
		t.Errorf("read %d files, found %d server commands", read, servers)
	}
}
