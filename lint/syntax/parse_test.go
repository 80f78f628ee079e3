package syntax

import (
	"strings"
	"testing"
)

func TestParseChoosesSyntax(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want Syntax
	}{
		{"native", "path \"secret/*\" {\n  capabilities = [\"read\"]\n}\n", SyntaxHCL},
		{"json", `{"path": {"secret/*": {"capabilities": ["read"]}}}`, SyntaxJSON},
		// HCL1 lets a nested object be written like a block with a quoted key.
		{"hcl1 quoted block key", "path \"secret/*\" {\n  allowed_parameters {\n    \"*\" = []\n  }\n}\n", SyntaxHCL1},
		// HCL1 reads ${...} literally; hcl/v2 would interpolate.
		{"hcl1 literal interpolation", "path \"secret/${user}\" {\n  capabilities = [\"read\"]\n}\n", SyntaxHCL1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse("p.hcl", []byte(tt.src))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if f.Syntax != tt.want {
				t.Fatalf("syntax = %s, want %s", f.Syntax, tt.want)
			}
		})
	}
}

func TestBlocksPositionsAcrossSyntaxes(t *testing.T) {
	tests := []struct {
		name, src       string
		line, col       int
		wantLabel, attr string
	}{
		{"hcl", "# policy\n\npath \"secret/data/x\" {\n  capabilities = [\"read\"]\n}\n", 3, 1, "secret/data/x", "capabilities"},
		{"hcl1", "path \"secret/data/x\" {\n  policy = \"read\"\n  allowed_parameters {\n    \"*\" = []\n  }\n}\n", 1, 1, "secret/data/x", "policy"},
		{"json", "{\n  \"path\": {\n    \"secret/data/x\": {\"capabilities\": [\"read\"]}\n  }\n}\n", 3, 5, "secret/data/x", "capabilities"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse("p", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			blocks, bad := Blocks(f.Root, "path", 1)
			if len(bad) != 0 || len(blocks) != 1 {
				t.Fatalf("blocks=%d bad=%d", len(blocks), len(bad))
			}
			b := blocks[0]
			if b.Labels[0].Name != tt.wantLabel {
				t.Fatalf("label %q", b.Labels[0].Name)
			}
			if b.Head.Start.Line != tt.line || b.Head.Start.Column != tt.col {
				t.Fatalf("head at %d:%d, want %d:%d", b.Head.Start.Line, b.Head.Start.Column, tt.line, tt.col)
			}
			if Attr(b.Body, tt.attr) == nil {
				t.Fatalf("attribute %s missing", tt.attr)
			}
		})
	}
}

func TestJSONListOfBlocks(t *testing.T) {
	src := `{"listener": [{"tcp": {"address": "0.0.0.0:8200"}}, {"tcp": {"address": "127.0.0.1:8210"}}]}`
	f, err := Parse("c.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	blocks, bad := Blocks(f.Root, "listener", 1)
	if len(blocks) != 2 || len(bad) != 0 {
		t.Fatalf("blocks=%d bad=%d", len(blocks), len(bad))
	}
	if got := Plain(Attr(blocks[1].Body, "address").Val); got != "127.0.0.1:8210" {
		t.Fatalf("address = %v", got)
	}
}

func TestParseErrorsArePositioned(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		contains  string
	}{
		{"unclosed block", "path \"a\" {\n  capabilities = [\"read\"]\n", 1, "no closing brace"},
		{"bad token", "path \"a\" {\n  capabilities = [\"read\"]\n}\n.\n", 4, ""},
		{"invalid utf8", "path \"a\" {}\n\xff\xfe", 2, "UTF-8"},
		{"broken json", "{\"path\": {\"a\": }", 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("p.hcl", []byte(tt.src))
			if err == nil {
				t.Fatal("want an error")
			}
			if err.Range.Start.Line != tt.line {
				t.Fatalf("error at line %d, want %d: %v", err.Range.Start.Line, tt.line, err)
			}
			if err.Range.File != "p.hcl" {
				t.Fatalf("file %q", err.Range.File)
			}
			if !strings.Contains(err.Message, tt.contains) {
				t.Fatalf("message %q lacks %q", err.Message, tt.contains)
			}
		})
	}
}

func TestParseEmbeddedShiftsPositions(t *testing.T) {
	src := "path \"secret/*\" {\n  capabilities = [\"read\"]\n}\n"
	f, err := ParseEmbedded("main.tf", []byte(src), Pos{Line: 12, Column: 1})
	if err != nil {
		t.Fatal(err)
	}
	blocks, _ := Blocks(f.Root, "path", 1)
	if got := blocks[0].Head.Start; got.Line != 12 || got.Column != 1 {
		t.Fatalf("head at %+v, want 12:1", got)
	}
	if got := Attr(blocks[0].Body, "capabilities").Range.Start.Line; got != 13 {
		t.Fatalf("attr at line %d, want 13", got)
	}
}
