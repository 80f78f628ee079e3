package syntax

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/vaultguard/vaultguard/internal/shareddata"
)

// checkFast runs parseFast on src and, when it accepts, requires that
// hcl/v2 reads src without error, as literals, into the same tree. It
// reports whether parseFast accepted.
func checkFast(t testing.TB, name string, src []byte) bool {
	t.Helper()
	got, ok := parseFast(name, src)
	if !ok {
		if got != nil {
			t.Fatalf("%s: parseFast returned a tree with ok=false", name)
		}
		return false
	}
	want, err := parseHCLv2(name, src)
	if err != nil {
		t.Fatalf("%s: parseFast accepted what hcl/v2 rejects: %v\n%q", name, err, src)
	}
	if !known(want) {
		t.Fatalf("%s: parseFast accepted what hcl/v2 does not read as literals\n%q", name, src)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: trees differ\n%q\n%s", name, src, treeDiff(dumpTree(want), dumpTree(got)))
	}
	return true
}

// dumpTree renders a tree one node per line, with every field DeepEqual
// looks at (nil and empty slices told apart), so a mismatch is readable.
func dumpTree(n *Node) []string {
	var out []string
	var walk func(n *Node, indent string)
	walk = func(n *Node, indent string) {
		if n == nil {
			out = append(out, indent+"<nil>")
			return
		}
		out = append(out, fmt.Sprintf("%skind=%d value=%#v text=%q range=%v items(nil=%t)=%d elems(nil=%t)=%d",
			indent, n.Kind, n.Value, n.Text, n.Range, n.Items == nil, len(n.Items), n.Elems == nil, len(n.Elems)))
		for _, it := range n.Items {
			out = append(out, fmt.Sprintf("%s  item keys=%+v range=%+v", indent, it.Keys, it.Range))
			walk(it.Val, indent+"    ")
		}
		for _, e := range n.Elems {
			walk(e, indent+"  ")
		}
	}
	walk(n, "")
	return out
}

func treeDiff(want, got []string) string {
	for i := 0; i < len(want) || i < len(got); i++ {
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			return fmt.Sprintf("first difference at line %d:\nhcl/v2:    %s\nparseFast: %s", i+1, w, g)
		}
	}
	return "no difference in the dump (pointer or type detail)"
}

// hclFiles lists the .hcl files under dir, or nil if it does not exist.
func hclFiles(t testing.TB, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".hcl") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return files
}

// sharedCorpus is the public corpus beside the repository
// (../shared/corpus from the module root), or "" when it is absent.
func sharedCorpus(t testing.TB) string {
	dir := filepath.Join(shareddata.ModuleRoot(t), "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		return ""
	}
	return dir
}

// repoHCLFiles lists the repository's own .hcl samples: rule fixtures,
// examples and testdata.
func repoHCLFiles(t testing.TB) []string {
	root := shareddata.ModuleRoot(t)
	var files []string
	testdata, err := filepath.Glob(filepath.Join(root, "rules", "*", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range append(testdata, filepath.Join(root, "examples"), filepath.Join(root, "testdata")) {
		files = append(files, hclFiles(t, dir)...)
	}
	return files
}

// TestParseFastMatchesHCLv2 is the differential test: on every real file
// at hand, whatever parseFast accepts must be exactly hcl/v2's tree.
func TestParseFastMatchesHCLv2(t *testing.T) {
	// run reports how many files took the fast path, and how many could
	// have: those hcl/v2 reads as plain literals (JSON goes elsewhere).
	run := func(t *testing.T, files []string) (fast, literal int) {
		for _, p := range files {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			took := checkFast(t, filepath.Base(p), src)
			if took {
				fast++
			}
			if root, err := parseHCLv2(p, src); err == nil && known(root) && !IsJSON(src) {
				literal++
				if !took {
					t.Logf("plain literal HCL left to hcl/v2: %s", p)
				}
			}
		}
		return fast, literal
	}
	t.Run("corpus", func(t *testing.T) {
		dir := sharedCorpus(t)
		if dir == "" {
			t.Skip("no shared corpus beside the repository (../shared/corpus from the module root)")
		}
		for _, sub := range []string{"", "policy"} {
			files := hclFiles(t, filepath.Join(dir, sub))
			fast, literal := run(t, files)
			t.Logf("corpus/%s: %d of %d .hcl files took the fast path (%d are plain literal HCL)", sub, fast, len(files), literal)
		}
	})
	t.Run("repository", func(t *testing.T) {
		files := repoHCLFiles(t)
		if len(files) == 0 {
			t.Fatal("no .hcl files found in the repository")
		}
		fast, literal := run(t, files)
		t.Logf("repository: %d of %d .hcl files took the fast path (%d are plain literal HCL)", fast, len(files), literal)
	})
	t.Run("example policies", func(t *testing.T) {
		files := hclFiles(t, filepath.Join(shareddata.ModuleRoot(t), "examples", "policies"))
		if len(files) == 0 {
			t.Fatal("no example policies")
		}
		for _, p := range files {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if !checkFast(t, filepath.Base(p), src) {
				t.Errorf("%s: a plain policy did not take the fast path", p)
			}
		}
	})
}

// fastAccepted are snippets inside the subset: parseFast must accept each
// and agree with hcl/v2.
var fastAccepted = map[string]string{
	"empty file":                    "",
	"only newlines":                 "\n\n\n",
	"only spaces":                   "   ",
	"policy":                        "path \"secret/*\" {\n  capabilities = [\"read\", \"list\"]\n}\n",
	"no final newline":              "path \"a\" {\n  capabilities = [\"read\"]\n}",
	"leading blank and spaces":      "\n\n   path \"a\" {\n}\n",
	"attribute at top":              "ui = true\n",
	"attribute at EOF":              "ui = true",
	"no spaces":                     "a=1\nb=\"x\"\nc=[1,2]\npath\"a\"{\nx=1\n}\n",
	"tabs":                          "path \"a\" {\n\tcapabilities\t=\t[\"read\",\t\"list\"]\n}\n\tx = \"a\tb\"\n",
	"empty block":                   "path \"a\" {}\n",
	"empty block spaced":            "path \"a\" {   }\n",
	"empty block two lines":         "path \"a\" {\n}\n",
	"no labels":                     "storage {\n  path = \"/d\"\n}\n",
	"two labels":                    "seal \"transit\" \"x\" {\n}\n",
	"ident labels":                  "resource aws_instance web {\n  a = 1\n}\n",
	"empty label":                   "path \"\" {\n}\n",
	"empty string":                  "a = \"\"\n",
	"string punctuation":            "a = \"secret/data/{{identity.entity.id}}/* + ! ~ # // /* ' ` ; =\"\n",
	"nested blocks":                 "listener \"tcp\" {\n  address = \"0.0.0.0:8200\"\n  telemetry {\n    x = 1\n  }\n}\n",
	"single-line block":             "path \"a\" { capabilities = [\"read\"] }\n",
	"single-line no spaces":         "path \"a\"{capabilities=[\"read\"]}",
	"single-line multi-line value":  "path \"a\" { capabilities = [\n  \"read\",\n] }\n",
	"single-line block comment":     "path \"a\" { /* c */ capabilities = [\"read\"] /* d */ }\n",
	"single-line at EOF":            "path \"a\" { x = 1 }",
	"integers":                      "a = 0\nb = 42\nc = 007\nd = 9223372036854775807\n",
	"bools and null":                "a = true\nb = false\nc = null\n",
	"empty list":                    "a = []\n",
	"empty list spaced":             "a = [ \n ]\n",
	"list trailing comma":           "a = [\"x\", \"y\",]\n",
	"list across lines":             "a = [\n  \"x\",  # one\n  \"y\"   // two\n  /* three */\n]\n",
	"nested lists":                  "a = [[1, 2], [], [[true]]]\n",
	"empty object":                  "a = {}\n",
	"object":                        "a = { b = 1, \"c\" = \"d\", e: [1], \"f\": {g = null} }\n",
	"object newlines":               "a = {\n  b = 1\n\n  c = 2,\n  d = 3 # x\n  e = 4 // y\n}\n",
	"object trailing comma":         "a = { b = 1, }\n",
	"object keyword keys":           "a = { true = 1, false = 2, null = 3, if = 4 }\n",
	"object duplicate keys":         "a = { b = 1, b = 2 }\n",
	"object in list":                "a = [{ b = 1 }, {\n c = 2\n}]\n",
	"list in object":                "a = { b = [\n1,\n2\n] }\n",
	"hash comment":                  "# c\npath \"a\" { # c\n  x = 1 # c\n} # c\n# c",
	"slash comment":                 "// c\npath \"a\" { // c\n  x = 1 // c\n} // c\n// c",
	"block comments":                "/* a */ path /* b */ \"a\" /* c */ {\n  /* d */ x /* e */ = /* f */ 1 /* g */\n} /* h */\n",
	"multi-line block comment":      "/*\n * header\n */\npath \"a\" {\n  x = /* one\n two */ 1\n}\n",
	"only a comment":                "# policy",
	"only a comment with newline":   "# policy\n",
	"comment then spaces":           "  # policy\n  ",
	"only a block comment":          "/* x */",
	"block comment then newline":    "  /* x */\n",
	"comment at EOF after item":     "a = 1 # end",
	"attribute and block same name": "a = 1\na {\n}\n",
	"repeated blocks":               "path \"a\" {\n}\npath \"a\" {\n}\n",
	"same name in two bodies":       "x = 1\nb {\n  x = 1\n}\nc {\n  x = 2\n}\n",
	"identifiers":                   "_a-b_1 = 1\nA = 2\n",
	"keyword names":                 "true = 1\nfor = 2\nnull {\n}\n",
	"dollar-free braces":            "a = \"{\"\nb = \"}\"\n",
	"many attributes":               attrLines(40, -1),
}

// attrLines writes n attributes a0..a(n-1), then a(again) once more when
// again >= 0.
func attrLines(n, again int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "a%d = %d\n", i, i)
	}
	if again >= 0 {
		fmt.Fprintf(&b, "a%d = 0\n", again)
	}
	return b.String()
}

func TestParseFastAccepts(t *testing.T) {
	for name, src := range fastAccepted {
		t.Run(name, func(t *testing.T) {
			if !checkFast(t, "p.hcl", []byte(src)) {
				t.Fatalf("parseFast bailed out on %q", src)
			}
		})
	}
}

// fastRefused are outside the subset: parseFast must bail out (most are
// invalid HCL or not literals; some are valid literals it leaves to hcl/v2).
var fastRefused = map[string]string{
	"variable":                     "a = b\n",
	"variable in list":             "a = [b]\n",
	"traversal":                    "a = true.x\n",
	"index":                        "a = [1][0]\n",
	"index across lines":           "a = [\"x\"\n[0]]\n",
	"function call":                "a = max(1, 2)\n",
	"namespaced call":              "a = null::x\n",
	"interpolation":                "path \"secret/${user}\" {\n}\n",
	"interpolation in value":       "a = \"${b}\"\n",
	"template directive":           "a = \"%{if x}y%{endif}\"\n",
	"literal dollar":               "a = \"$5\"\n",
	"escape":                       "a = \"a\\nb\"\n",
	"heredoc":                      "a = <<EOF\nhello\nEOF\n",
	"duplicate attribute":          "a = 1\na = 2\n",
	"duplicate in block":           "b {\n  a = 1\n  a = 2\n}\n",
	"duplicate among many":         attrLines(40, 3),
	"duplicate of the 17th":        attrLines(17, 16),
	"non-ASCII":                    "a = \"caf\u00e9\"\n",
	"non-ASCII comment":            "# caf\u00e9\na = 1\n",
	"BOM":                          "\ufeffa = 1\n",
	"CRLF":                         "a = 1\r\nb = 2\r\n",
	"NUL":                          "a = 1\n\x00",
	"form feed":                    "a = 1\f\n",
	"single-line block two attrs":  "path \"a\" { a = 1, b = 2 }\n",
	"single-line nested block":     "path \"a\" { b {} }\n",
	"single-line not closed":       "path \"a\" { a = 1\n}\n",
	"single-line comment":          "path \"a\" { a = 1 # c\n}\n",
	"missing newline":              "a = 1 b = 2\n",
	"comma after attribute":        "a = 1,\n",
	"brace after attribute":        "b {\n  a = 1 }\n",
	"brace not on its own line":    "b {\n  c {\n  }}\n",
	"missing newline after block":  "b {\n} c {\n}\n",
	"block comment hides newline":  "a = 1 /* x\n */ b = 2\n",
	"unterminated string":          "a = \"abc\n",
	"unterminated string at EOF":   "a = \"abc",
	"unterminated comment":         "a = 1 /* x\n",
	"unterminated list":            "a = [1, 2\n",
	"unterminated object":          "a = { b = 1\n",
	"unclosed block":               "b {\n  a = 1\n",
	"stray brace":                  "}\n",
	"float":                        "a = 1.5\n",
	"exponent":                     "a = 1e3\n",
	"negative":                     "a = -1\n",
	"plus":                         "a = +1\n",
	"int64 overflow":               "a = 9223372036854775808\n",
	"number then letters":          "a = 1x\n",
	"operator":                     "a = 1 + 2\n",
	"minus without spaces":         "a = 1-2\n",
	"comparison":                   "a = 1 == 2\n",
	"double equals":                "a == 1\n",
	"fat arrow":                    "a => 1\n",
	"conditional":                  "a = true ? 1 : 2\n",
	"parentheses":                  "a = (1)\n",
	"value on next line":           "a =\n1\n",
	"label on next line":           "path\n\"a\" {\n}\n",
	"brace on next line":           "path \"a\"\n{\n}\n",
	"quoted attribute name":        "\"a\" = 1\n",
	"block with equals":            "path \"a\" = {\n}\n",
	"list double comma":            "a = [1,,2]\n",
	"list leading comma":           "a = [,]\n",
	"list missing comma":           "a = [1 2]\n",
	"object missing value":         "a = { b }\n",
	"object newline before equals": "a = {\n  b\n  = 1\n}\n",
	"object newline after equals":  "a = {\n  b =\n  1\n}\n",
	"object newline then comma":    "a = {\n  b = 1\n  , c = 2\n}\n",
	"object double comma":          "a = { b = 1,, }\n",
	"object number key":            "a = { 1 = 2 }\n",
	"object for":                   "a = { for k, v in x : k => v }\n",
	"list for":                     "a = [for v in x : v]\n",
	"object key traversal":         "a = { b.c = 1 }\n",
	"object double colon":          "a = { b :: 1 }\n",
	"object paren key":             "a = { (b) = 1 }\n",
	"semicolon":                    "a = 1;\n",
	"single quotes":                "a = 'x'\n",
	"lone slash":                   "a = 1 / 2\n",
	"splat":                        "a = b[*]\n",
	"JSON":                         "{\"path\": {}}\n",
}

func TestParseFastBailsOut(t *testing.T) {
	for name, src := range fastRefused {
		t.Run(name, func(t *testing.T) {
			if root, ok := parseFast("p.hcl", []byte(src)); ok || root != nil {
				t.Fatalf("parseFast accepted %q", src)
			}
		})
	}
}

// TestParseTakesFastPath checks the wiring in Parse: a plain policy comes
// back as hcl/v2 would have read it, and what parseFast leaves still goes
// the old way.
func TestParseTakesFastPath(t *testing.T) {
	src := []byte("path \"secret/*\" {\n  capabilities = [\"read\"]\n}\n")
	f, err := Parse("p.hcl", src)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := parseHCLv2("p.hcl", src)
	if f.Syntax != SyntaxHCL || !reflect.DeepEqual(f.Root, want) {
		t.Fatalf("Parse = %s %+v, want hcl/v2's tree", f.Syntax, f.Root)
	}
	f, err = Parse("p.hcl", []byte("path \"secret/${user}\" {\n  capabilities = [\"read\"]\n}\n"))
	if err != nil || f.Syntax != SyntaxHCL1 {
		t.Fatalf("interpolation: %v %v, want the HCL1 fallback", f, err)
	}
	// hcl/v2 refuses a redefined attribute; Vault's parser reads it.
	if f, err := Parse("p.hcl", []byte("a = 1\na = 2\n")); err != nil || f.Syntax != SyntaxHCL1 {
		t.Fatalf("duplicate attribute: %v %v, want the HCL1 fallback", f, err)
	}
}

// FuzzParseFast: whatever parseFast accepts, hcl/v2 must read without
// error, as literals, into a DeepEqual tree; and parseFast never panics.
func FuzzParseFast(f *testing.F) {
	for _, src := range fastAccepted {
		f.Add([]byte(src))
	}
	for _, src := range fastRefused {
		f.Add([]byte(src))
	}
	files := repoHCLFiles(f)
	if dir := sharedCorpus(f); dir != "" {
		files = append(files, hclFiles(f, filepath.Join(dir, "policy"))...)
	}
	for _, p := range files {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 50 {
		g := &docGen{r: r}
		g.body(0)
		f.Add([]byte(strings.Join(g.toks, "")))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkFast(t, "fuzz.hcl", src)
	})
}

// policy6 is a typical ACL policy: six path blocks, comments, a few
// parameter constraints.
const policy6 = `# app-team: read its secrets, manage its own transit key.
path "secret/data/app-team/*" {
  capabilities = ["read", "list"]
}

path "secret/metadata/app-team/*" {
  capabilities = ["list"]
}

path "transit/encrypt/app-team" {
  capabilities = ["update"]
}

path "transit/decrypt/app-team" {
  capabilities = ["update"]
}

path "database/creds/app-team-ro" {
  capabilities = ["read"]
}

path "auth/token/create" {
  capabilities = ["create", "update"]
  allowed_parameters = {
    "ttl"      = ["1h", "4h"]
    "policies" = ["app-team"]
  }
}
`

func BenchmarkParsePolicy(b *testing.B) {
	src := []byte(policy6)
	if !checkFast(b, "p.hcl", src) {
		b.Fatal("the benchmark policy does not take the fast path")
	}
	b.Run("parseFast", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if _, ok := parseFast("p.hcl", src); !ok {
				b.Fatal("bailed out")
			}
		}
	})
	b.Run("parseHCLv2", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			if _, err := parseHCLv2("p.hcl", src); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// docGen writes random documents inside the subset, as a list of tokens
// with random spaces and comments between them wherever hcl/v2 allows.
// Byte-level fuzzing rarely builds such documents; dropping, repeating or
// swapping a few of their tokens then probes the edges of the subset,
// where parseFast must bail out exactly when hcl/v2 would object.
type docGen struct {
	r    *rand.Rand
	toks []string
}

func (g *docGen) pick(choices ...string) string { return choices[g.r.IntN(len(choices))] }

func (g *docGen) emit(toks ...string) { g.toks = append(g.toks, toks...) }

// space is what may stand between two tokens on a line.
func (g *docGen) space() {
	if g.r.IntN(3) == 0 {
		g.emit(g.pick("", " ", "  ", "\t", "/* c */", "/*\n*/ ", " /**/"))
	} else {
		g.emit(" ")
	}
}

// newline ends an item: a newline or a line comment, maybe blank lines.
func (g *docGen) newline() {
	g.emit(g.pick("\n", "\n", "\n\n", " # c\n", "// c\n", "\n  \n", "\t\n"))
}

// anySpace is what may stand between tokens inside brackets.
func (g *docGen) anySpace() {
	if g.r.IntN(2) == 0 {
		g.space()
	} else {
		g.newline()
	}
}

func (g *docGen) body(depth int) {
	for i := range g.r.IntN(4) {
		g.emit(g.pick("", "  ", "\t"))
		if depth < 3 && g.r.IntN(3) == 0 {
			g.block(depth)
		} else {
			g.emit(fmt.Sprintf("a%d", i))
			g.space()
			g.emit("=")
			g.space()
			g.value(depth)
		}
		g.space()
		g.newline()
	}
}

func (g *docGen) block(depth int) {
	g.emit(g.pick("path", "listener", "b", "true"))
	for range g.r.IntN(3) {
		g.space()
		g.emit(g.pick(`"secret/*"`, `""`, `"a b"`, "tcp", "x-y"))
	}
	g.space()
	g.emit("{")
	switch g.r.IntN(3) {
	case 0:
		g.space()
	case 1:
		g.space()
		g.emit("x")
		g.space()
		g.emit("=")
		g.space()
		g.value(depth + 1)
		g.space()
	default:
		g.newline()
		g.body(depth + 1)
	}
	g.emit("}")
}

func (g *docGen) value(depth int) {
	n := 8
	if depth >= 3 {
		n = 6
	}
	switch g.r.IntN(n) {
	case 0:
		g.emit(g.pick(`"read"`, `""`, `"a/{{b}}/*"`, `"x y"`))
	case 1:
		g.emit(g.pick("0", "1", "42", "007", "9223372036854775807"))
	case 2:
		g.emit(g.pick("true", "false", "null"))
	case 3, 4, 5:
		g.emit(g.pick(`"read"`, "1", "true"))
	case 6:
		g.emit("[")
		for range g.r.IntN(4) {
			g.anySpace()
			g.value(depth + 1)
			g.anySpace()
			g.emit(",")
		}
		if g.r.IntN(2) == 0 && len(g.toks) > 0 && g.toks[len(g.toks)-1] == "," {
			g.toks = g.toks[:len(g.toks)-1]
		}
		g.anySpace()
		g.emit("]")
	default:
		g.emit("{")
		for i := range g.r.IntN(4) {
			g.anySpace()
			g.emit(g.pick(fmt.Sprintf("k%d", i), fmt.Sprintf(`"k%d"`, i), "null", "if"))
			g.space()
			g.emit(g.pick("=", ":"))
			g.space()
			g.value(depth + 1)
			g.space()
			if g.r.IntN(2) == 0 {
				g.emit(",")
			} else {
				g.newline()
			}
		}
		g.anySpace()
		g.emit("}")
	}
}

// mutate drops, repeats, swaps or replaces a few tokens.
func (g *docGen) mutate() {
	extra := []string{"=", ":", ",", "\n", "{", "}", "[", "]", `"`, "x", ".", "-", "1.5", "$", "::", "#", "/", "*/"}
	for range 1 + g.r.IntN(3) {
		if len(g.toks) == 0 {
			return
		}
		i := g.r.IntN(len(g.toks))
		switch g.r.IntN(4) {
		case 0:
			g.toks = append(g.toks[:i], g.toks[i+1:]...)
		case 1:
			g.toks = append(g.toks[:i+1], g.toks[i:]...)
		case 2:
			j := g.r.IntN(len(g.toks))
			g.toks[i], g.toks[j] = g.toks[j], g.toks[i]
		default:
			g.toks[i] = extra[g.r.IntN(len(extra))]
		}
	}
}

// TestParseFastGenerated checks parseFast against hcl/v2 on random
// documents of the subset (which it must all accept) and on mutations of
// them (where it must agree with hcl/v2 whenever it accepts).
func TestParseFastGenerated(t *testing.T) {
	n := 20000
	if testing.Short() {
		n = 2000
	}
	r := rand.New(rand.NewPCG(1, 2))
	accepted := 0
	for i := range n {
		g := &docGen{r: r}
		g.body(0)
		src := []byte(strings.Join(g.toks, ""))
		if !checkFast(t, "gen.hcl", src) {
			t.Fatalf("document %d of the subset refused:\n%s", i, src)
		}
		g.mutate()
		if checkFast(t, "gen.hcl", []byte(strings.Join(g.toks, ""))) {
			accepted++
		}
	}
	t.Logf("%d generated documents, %d mutants accepted (and equal)", n, accepted)
}
