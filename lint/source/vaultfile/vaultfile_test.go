package vaultfile

import (
	"slices"
	"strings"
	"testing"

	"github.com/vaultguard/vaultguard/lint/syntax"
)

func parse(t *testing.T, src string) *syntax.File {
	t.Helper()
	f, err := syntax.Parse("p.hcl", []byte(src))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return f
}

func TestReadPolicyNormalisesAsVault(t *testing.T) {
	src := `path "secret/a" {
  capabilities = ["read", "deny", "update"]
}
path "/secret/b" {
  policy = "write"
}
path "secret/c" {
  capabilities = ["read"]
  policy       = "sudo"
}
`
	p, errs := ReadPolicy(parse(t, src), "p", []byte(src), "file")
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	want := map[string][]string{
		"secret/a": {"deny"},
		"secret/b": {"create", "read", "update", "delete", "list"},
		"secret/c": {"read", "create", "update", "delete", "list", "sudo"},
	}
	for _, pr := range p.Paths {
		if !slices.Equal(pr.Capabilities, want[pr.Pattern]) {
			t.Errorf("%s: capabilities %v, want %v", pr.Pattern, pr.Capabilities, want[pr.Pattern])
		}
	}
	if len(p.Paths) != 3 {
		t.Fatalf("%d paths", len(p.Paths))
	}
}

func TestReadPolicyRejectsWhatVaultRejects(t *testing.T) {
	tests := []struct {
		name, src, msg string
		line, col      int
	}{
		{"unknown capability", "path \"a\" {\n  capabilities = [\"reed\"]\n}\n", `invalid capability "reed"`, 2, 18},
		{"unknown path key", "path \"a\" {\n  caps = [\"read\"]\n}\n", `invalid key "caps"`, 2, 3},
		{"unknown top-level key", "pth \"a\" {}\npath \"b\" {\n  capabilities = [\"read\"]\n}\n", `unknown top-level key "pth"`, 1, 1},
		{"bad deprecated policy", "path \"a\" {\n  policy = \"admin\"\n}\n", `invalid policy "admin"`, 2, 12},
		{"plus star", "path \"a/+*\" {\n  capabilities = [\"read\"]\n}\n", `'+*' is forbidden`, 1, 1},
		{"duplicate attribute", "path \"a\" {\n  policy = \"read\"\n  policy = \"write\"\n}\n", "already set", 3, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, perr := syntax.Parse("p.hcl", []byte(tt.src))
			if perr != nil {
				t.Fatalf("parse: %v", perr)
			}
			_, errs := ReadPolicy(f, "p", []byte(tt.src), "file")
			if len(errs) == 0 {
				t.Fatal("want an error")
			}
			e := errs[0]
			if !strings.Contains(e.Message, tt.msg) {
				t.Fatalf("message %q lacks %q", e.Message, tt.msg)
			}
			if e.Range.Start.Line != tt.line || e.Range.Start.Column != tt.col {
				t.Fatalf("at %d:%d, want %d:%d", e.Range.Start.Line, e.Range.Start.Column, tt.line, tt.col)
			}
		})
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		src  string
		want Kind
	}{
		{"path \"a\" {\n capabilities = [\"read\"]\n}\n", KindPolicy},
		{"storage \"raft\" {}\n", KindServerConfig},
		{"backend \"file\" {}\n", KindServerConfig},
		{"seal \"awskms\" {}\n", KindServerConfig},
		{"listener \"tcp\" {}\n", KindServerConfig},
		{"auto_auth {}\nlistener \"tcp\" {}\n", KindNone},  // Vault Agent
		{"controller {}\nlistener \"tcp\" {}\n", KindNone}, // Boundary
		{"variable \"x\" {}\n", KindNone},
	}
	for _, tt := range tests {
		got, _ := Classify(parse(t, tt.src).Root)
		if got != tt.want {
			t.Errorf("%q: %q, want %q", tt.src, got, tt.want)
		}
	}
}

func TestServerConfigMergesDirectory(t *testing.T) {
	a := NewConfigFile(parse(t, "storage \"raft\" {\n  path = \"/d\"\n}\nmax_lease_ttl = \"24h\"\n"))
	a.File.Name = "cfg/a.hcl"
	b := NewConfigFile(parse(t, "listener \"tcp\" {\n  tls_disable = \"true\"\n}\nmax_lease_ttl = \"48h\"\nha_backend \"consul\" {}\n"))
	b.File.Name = "cfg/b.hcl"
	if a.Whole() || b.Whole() {
		t.Fatal("neither file is whole")
	}
	o := ServerConfig([]*ConfigFile{a, b}, false)
	if got := len(o.Blocks["ha_storage"]); got != 1 {
		t.Fatalf("ha_storage blocks %d (ha_backend is legacy ha_storage)", got)
	}
	if o.Blocks["ha_storage"][0].Meta["legacy_key"] != "ha_backend" {
		t.Fatal("legacy key not recorded")
	}
	if o.Range.File != "cfg/a.hcl" {
		t.Fatalf("main file %s, want the one with storage", o.Range.File)
	}
	if o.Attrs["max_lease_ttl"].Value != "48h" {
		t.Fatalf("later file should win: %v", o.Attrs["max_lease_ttl"].Value)
	}
	if o.Meta["conflicts"] == nil {
		t.Fatal("conflicting max_lease_ttl not recorded")
	}
}

func TestDuplicateAttributeInEmbeddedPolicyPointsIntoHost(t *testing.T) {
	src := "path \"a\" {\n  policy = \"read\"\n  policy = \"write\"\n}\n"
	f, perr := syntax.ParseEmbedded("main.tf", []byte(src), syntax.Pos{Line: 20, Column: 1})
	if perr != nil {
		t.Fatal(perr)
	}
	_, errs := ReadPolicy(f, "p", []byte(src), "terraform")
	if len(errs) == 0 || errs[0].Range.Start.Line != 22 || errs[0].Range.File != "main.tf" {
		t.Fatalf("errors %v, want one at main.tf:22", errs)
	}
}
