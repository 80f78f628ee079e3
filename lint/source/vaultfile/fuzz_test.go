package vaultfile

import (
	"testing"

	"github.com/vaultguard/vaultguard/lint/syntax"
)

// FuzzRead parses, classifies and reads arbitrary input as both a policy
// and a server config: nothing may panic, and every error has a position.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"path \"secret/*\" {\n  capabilities = [\"read\"]\n  allowed_parameters = {\"*\" = []}\n}\n",
		"path \"a\" { policy = \"write\" }\npath \"b\" { capabilities = \"read,list\" }",
		"storage \"raft\" { path = \"/d\" }\nlistener \"tcp\" { tls_disable = \"1\" }\nseal \"awskms\" {}\n",
		`{"listener": [{"tcp": {"address": "0.0.0.0:8200"}}], "storage": {"file": {"path": "/d"}}}`,
		`{"path": {"a/*": {"capabilities": ["read"]}, "b": [{"policy": "deny"}]}}`,
		"listener { tcp { address = \"x\" } }",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file, perr := syntax.Parse("fuzz.hcl", src)
		if perr != nil {
			return
		}
		Classify(file.Root)
		_, errs := ReadPolicy(file, "fuzz", src, "file")
		for _, e := range errs {
			if e.Range.Start.Line < 1 {
				t.Fatalf("error without position: %v", e)
			}
		}
		c := NewConfigFile(file)
		if o := ServerConfig([]*ConfigFile{c}, false); o == nil {
			t.Fatal("nil config")
		}
	})
}
