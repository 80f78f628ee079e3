package terraform_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/vaultguard/vaultguard/internal/shareddata"
	"github.com/vaultguard/vaultguard/lint/source/terraform"
)

func corpus(t *testing.T, sub string) string {
	t.Helper()
	return shareddata.Path(t, "corpus", sub)
}

// TestCorpus reads every public Terraform file of the shared corpus (and
// the Terraform file among the deployment files): none may crash the
// adapter or be reported as unparseable, since all are valid Terraform.
func TestCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus(t, "terraform"), "*.tf"))
	more, _ := filepath.Glob(filepath.Join(corpus(t, "deploy"), "*.tf"))
	files = append(files, more...)
	if len(files) == 0 {
		t.Skip("no Terraform files in the corpus")
	}
	objects, policies := 0, 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in, errs := terraform.New().Read(filepath.Base(f), src)
		for _, e := range errs {
			t.Errorf("%s: %v", filepath.Base(f), e)
		}
		if in != nil {
			objects += len(in.Objects)
			policies += len(in.Policies)
		}
	}
	t.Logf("%d files: %d objects, %d policies", len(files), objects, policies)
	if objects == 0 || policies == 0 {
		t.Errorf("no objects (%d) or policies (%d) read from the corpus", objects, policies)
	}
}
