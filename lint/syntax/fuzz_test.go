package syntax

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds arbitrary bytes to the parser: it must never panic and
// must return either a tree or a positioned error.
func FuzzParse(f *testing.F) {
	seeds := []string{
		"path \"secret/*\" {\n  capabilities = [\"read\"]\n}\n",
		"storage \"raft\" { path = \"/d\" }\nlistener \"tcp\" { tls_disable = 1 }\n",
		`{"path": {"a/*": {"capabilities": ["read"]}}}`,
		`{"listener": [{"tcp": {"address": "0.0.0.0:8200"}}]}`,
		"path \"a\" { allowed_parameters { \"*\" = [] } }",
		"x = <<EOF\nhello\nEOF\n",
		"a = 0x\n",
		"a = 1e999\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	if files, _ := filepath.Glob("../../examples/*/*.hcl"); len(files) > 0 {
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := Parse("fuzz.hcl", src)
		if (file == nil) == (err == nil) {
			t.Fatalf("want exactly one of file or error, got %v / %v", file, err)
		}
		if err != nil && (err.Range.Start.Line < 1 || err.Range.Start.Column < 1) {
			t.Fatalf("error without a position: %+v", err)
		}
	})
}
