// Package script reads shell scripts (.sh, .bash, .bats, files with a shell
// shebang) and the shell code blocks of Markdown files into the model: the
// `vault` commands in them (write, policy write, secrets/auth/audit enable,
// audit disable, server, token create, login...) and the VAULT_*
// environment they set. Scripts are parsed by a real shell parser
// (mvdan.cc/sh), so line continuations, quoting and $VARS are handled as
// the shell would: a word holding an expansion is not statically known
// and is never guessed.
package script

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"

	"mvdan.cc/sh/v3/expand"
	sh "mvdan.cc/sh/v3/syntax"

	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/source"
	"github.com/vaultguard/vaultguard/lint/syntax"
)

// Adapter reads shell scripts and Markdown shell blocks.
type Adapter struct{}

var _ source.Adapter = (*Adapter)(nil)

// New returns the script adapter.
func New() *Adapter { return &Adapter{} }

// Name implements source.Adapter.
func (*Adapter) Name() string { return "script" }

var shells = map[string]bool{"sh": true, "bash": true, "dash": true, "ash": true, "ksh": true, "mksh": true, "zsh": true, "bats": true}

// Match implements source.Adapter: .sh, .bash, .bats, .md files, and files
// whose first line is a shell shebang.
func (*Adapter) Match(p string, head []byte) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".sh", ".bash", ".bats", ".md", ".markdown":
		return true
	}
	return isShebang(head)
}

func isShebang(head []byte) bool {
	if !bytes.HasPrefix(head, []byte("#!")) {
		return false
	}
	line, _, _ := bytes.Cut(head[2:], []byte("\n"))
	fields := strings.Fields(string(line))
	if len(fields) == 0 {
		return false
	}
	interp := path.Base(fields[0])
	if interp == "env" {
		for _, f := range fields[1:] {
			if !strings.HasPrefix(f, "-") {
				interp = path.Base(f)
				break
			}
		}
	}
	return shells[interp]
}

func isMarkdown(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".md", ".markdown":
		return true
	}
	return false
}

// Read implements source.Adapter.
func (*Adapter) Read(name string, src []byte) (*model.Input, []*syntax.Error) {
	if isMarkdown(name) {
		return readMarkdown(name, src)
	}
	variant := sh.LangBash
	if strings.HasSuffix(strings.ToLower(name), ".bats") {
		variant = sh.LangBats
	}
	it := NewInterp(name, "script")
	errs := ReadShell(it, src, syntax.Pos{Line: 1, Column: 1}, variant, false)
	return it.Input(), append(errs, it.Errors()...)
}

// ReadShell parses shell text that starts at `at` in the interpreter's
// file and reads its vault commands into it. With lenient set (code
// blocks in documentation), text the shell parser rejects is read command
// by command and the rejected commands are skipped silently; otherwise a
// parse error is returned.
func ReadShell(it *Interp, src []byte, at syntax.Pos, variant sh.LangVariant, lenient bool) (errs []*syntax.Error) {
	defer func() {
		if r := recover(); r != nil {
			errs = []*syntax.Error{{Range: syntax.Range{File: it.file, Start: at, End: at}, Message: fmt.Sprintf("unparseable shell: %v", r)}}
		}
	}()
	f, err := sh.NewParser(sh.Variant(variant)).Parse(bytes.NewReader(src), it.file)
	if err == nil {
		w := &walker{it: it, src: src, at: at, pipeIn: map[*sh.Stmt]*Heredoc{}}
		w.walk(f)
		return nil
	}
	if !lenient {
		return []*syntax.Error{shellError(it.file, err, at)}
	}
	for _, part := range commandsOf(src) {
		f, err := sh.NewParser(sh.Variant(variant)).Parse(bytes.NewReader(part.text), it.file)
		if err != nil {
			continue
		}
		w := &walker{it: it, src: part.text, at: syntax.Pos{Line: at.Line + part.line, Column: 1}, pipeIn: map[*sh.Stmt]*Heredoc{}}
		if part.line == 0 {
			w.at.Column = at.Column
		}
		w.walk(f)
	}
	return nil
}

type command struct {
	text []byte
	line int // lines before it in the whole text
}

// commandsOf splits text into logical lines, joining backslash
// continuations, each with the number of lines before it.
func commandsOf(src []byte) []command {
	lines := bytes.SplitAfter(src, []byte("\n"))
	var out []command
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines)-1 && bytes.HasSuffix(bytes.TrimRight(lines[j], "\r\n"), []byte(`\`)) {
			j++
		}
		text := bytes.Join(lines[i:j+1], nil)
		if len(bytes.TrimSpace(text)) > 0 {
			out = append(out, command{text: text, line: i})
		}
		i = j + 1
	}
	return out
}

func shellError(file string, err error, at syntax.Pos) *syntax.Error {
	p := at
	msg := err.Error()
	var pe sh.ParseError
	var le sh.LangError
	switch {
	case errors.As(err, &pe):
		p = mapPos(pe.Pos, at)
		msg = pe.Text
	case errors.As(err, &le):
		p = mapPos(le.Pos, at)
		msg = le.Feature + " is not supported"
	}
	return &syntax.Error{Range: syntax.Range{File: file, Start: p, End: p}, Message: "parse shell: " + msg}
}

func mapPos(p sh.Pos, at syntax.Pos) syntax.Pos {
	line, col := int(p.Line()), int(p.Col())
	if line == 0 {
		line = 1
	}
	if col == 0 {
		col = 1
	}
	if line == 1 {
		col += at.Column - 1
	}
	return syntax.Pos{Line: line + at.Line - 1, Column: col}
}

type walker struct {
	it     *Interp
	src    []byte
	at     syntax.Pos
	pipeIn map[*sh.Stmt]*Heredoc // stdin of the right side of `cat <<EOF | cmd`
}

func (w *walker) rng(from, to sh.Pos) syntax.Range {
	return syntax.Range{File: w.it.file, Start: mapPos(from, w.at), End: mapPos(to, w.at)}
}

func (w *walker) text(from, to sh.Pos) string {
	a, b := from.Offset(), to.Offset()
	if a > b || b > uint(len(w.src)) {
		return ""
	}
	return string(w.src[a:b])
}

func (w *walker) walk(f *sh.File) {
	sh.Walk(f, func(n sh.Node) bool {
		switch x := n.(type) {
		case *sh.BinaryCmd:
			if (x.Op == sh.Pipe || x.Op == sh.PipeAll) && x.X != nil && x.Y != nil {
				if doc := w.heredoc(x.X.Redirs); doc != nil {
					w.pipeIn[x.Y] = doc
				} else if doc := w.echoed(x.X); doc != nil {
					w.pipeIn[x.Y] = doc
				}
			}
		case *sh.Stmt:
			w.stmt(x)
		}
		return true
	})
}

// echoed reads `echo 'TEXT'` (or printf, or a double-quoted TEXT without
// expansions) on the left of a pipe: the literal fed to the command's
// stdin, positioned after its opening quote.
func (w *walker) echoed(st *sh.Stmt) *Heredoc {
	c, ok := st.Cmd.(*sh.CallExpr)
	if !ok || len(c.Args) < 2 {
		return nil
	}
	switch c.Args[0].Lit() {
	case "echo", "printf":
	default:
		return nil
	}
	word := c.Args[len(c.Args)-1]
	if len(word.Parts) != 1 || !literalWord(word) {
		return nil
	}
	switch q := word.Parts[0].(type) {
	case *sh.SglQuoted:
		if q.Dollar {
			return nil
		}
		return &Heredoc{Text: []byte(q.Value), At: right(mapPos(q.Left, w.at), 1)}
	case *sh.DblQuoted:
		v, err := expand.Literal(&expand.Config{}, word)
		if err != nil {
			return nil
		}
		return &Heredoc{Text: []byte(v), At: right(mapPos(q.Left, w.at), 1)}
	}
	return nil
}

func (w *walker) heredoc(redirs []*sh.Redirect) *Heredoc {
	for _, r := range redirs {
		if (r.Op == sh.Hdoc || r.Op == sh.DashHdoc) && r.Hdoc != nil {
			if !literalWord(r.Hdoc) && !quotedDelim(r.Word) {
				return nil // expansions in the body: not statically known
			}
			from, to := r.Hdoc.Pos().Offset(), r.Hdoc.End().Offset()
			if from > to || to > uint(len(w.src)) {
				return nil
			}
			return &Heredoc{Text: trimDelim(w.src[from:to], r.Word), At: mapPos(r.Hdoc.Pos(), w.at)}
		}
	}
	return nil
}

// quotedDelim reports whether a here-document delimiter is quoted
// (<<'EOF'), which turns off expansions in the body.
func quotedDelim(word *sh.Word) bool {
	if word == nil {
		return false
	}
	for _, p := range word.Parts {
		switch p.(type) {
		case *sh.SglQuoted, *sh.DblQuoted:
			return true
		}
	}
	return false
}

func (w *walker) stmt(st *sh.Stmt) {
	switch c := st.Cmd.(type) {
	case *sh.CallExpr:
		if len(c.Assigns) > 0 {
			w.assigns(c.Assigns)
		}
		if !w.call(c, st) {
			w.tokens(c)
		}
	case *sh.DeclClause:
		if c.Variant != nil && (c.Variant.Value == "export" || c.Variant.Value == "declare" || c.Variant.Value == "local" || c.Variant.Value == "readonly") {
			w.assigns(c.Args)
		}
	}
}

func (w *walker) assigns(as []*sh.Assign) {
	var vars []EnvVar
	for _, a := range as {
		if a.Name == nil || a.Naked {
			continue
		}
		v := EnvVar{Name: a.Name.Value, NameRange: w.rng(a.Name.Pos(), a.Name.End())}
		if a.Value != nil {
			v.Value = w.arg(a.Value)
		} else {
			v.Value = Arg{Known: true, Range: v.NameRange}
		}
		vars = append(vars, v)
	}
	if len(vars) > 0 {
		w.it.Env(vars)
	}
}

// call finds a vault invocation in a call: `vault ...` itself, or wrapped
// (`sudo vault ...`, `execute_vault_command vault ...`, `kubectl exec pod
// -- vault ...`): the first "vault" word followed by a vault subcommand.
func (w *walker) call(c *sh.CallExpr, st *sh.Stmt) bool {
	if len(c.Args) < 2 {
		return false
	}
	first := c.Args[0].Lit()
	switch first {
	case "echo", "printf", "grep", "which", "type", "command", "hash", "man", "cat", "alias":
		return false
	}
	for i := 0; i+1 < len(c.Args); i++ {
		if !isVault(c.Args[i].Lit()) {
			continue
		}
		if !subcommands[c.Args[i+1].Lit()] {
			continue
		}
		argv := make([]Arg, 0, len(c.Args)-i)
		for _, word := range c.Args[i:] {
			argv = append(argv, w.arg(word))
		}
		stdin := w.heredoc(st.Redirs)
		if stdin == nil {
			stdin = w.pipeIn[st]
		}
		w.it.Command(argv, stdin)
		return true
	}
	return false
}

// tokenRe matches a current Vault service, batch or recovery token.
var tokenRe = regexp.MustCompile(`\bhv[sbr]\.[A-Za-z0-9_-]{24,}`)

// tokens finds Vault tokens written into any other command's arguments
// (curl -H "X-Vault-Token: hvs...."): each becomes a provider whose token
// came from the command line.
func (w *walker) tokens(c *sh.CallExpr) {
	for _, word := range c.Args {
		a := w.arg(word)
		if !a.Known {
			continue
		}
		tok := tokenRe.FindString(a.Value)
		if tok == "" {
			continue
		}
		o := w.it.object(model.KindProvider, "", a.Range)
		o.Meta["via"] = "argv"
		o.Attrs["token"] = &model.Attr{Value: tok, Known: true, Range: a.Range}
		w.it.in.Objects = append(w.it.in.Objects, o)
	}
}

var subcommands = map[string]bool{
	"write": true, "read": true, "policy": true, "secrets": true, "auth": true, "audit": true,
	"server": true, "token": true, "login": true, "lease": true, "kv": true, "operator": true,
	"list": true, "delete": true, "unwrap": true, "status": true,
}

func isVault(s string) bool {
	return s == "vault" || strings.HasSuffix(s, "/vault") || s == "vault.exe"
}

// arg converts a word: its value after quote removal when it is literal,
// else its source text, not known.
func (w *walker) arg(word *sh.Word) Arg {
	a := Arg{Range: w.rng(word.Pos(), word.End()), Text: w.text(word.Pos(), word.End())}
	if literalWord(word) {
		if v, err := expand.Literal(&expand.Config{}, word); err == nil {
			a.Value, a.Known = v, true
		}
	}
	if !a.Known {
		for _, p := range word.Parts {
			ps, ok := p.(*sh.ProcSubst)
			if !ok || len(ps.Stmts) == 0 {
				continue
			}
			for _, st := range ps.Stmts {
				if doc := w.heredoc(st.Redirs); doc != nil {
					a.Stdin = doc
				}
			}
		}
	}
	return a
}

// literalWord reports whether a word has no expansion: only literals and
// quoted literals.
func literalWord(word *sh.Word) bool {
	for _, p := range word.Parts {
		switch x := p.(type) {
		case *sh.Lit:
			if strings.HasPrefix(x.Value, "~") {
				return false
			}
		case *sh.SglQuoted:
		case *sh.DblQuoted:
			for _, q := range x.Parts {
				if _, ok := q.(*sh.Lit); !ok {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// trimDelim drops the closing delimiter line that a here-document body's
// range may include.
func trimDelim(body []byte, word *sh.Word) []byte {
	if word == nil {
		return body
	}
	delim, err := expand.Literal(&expand.Config{}, word)
	if err != nil || delim == "" {
		return body
	}
	t := bytes.TrimRight(body, " \t\r\n")
	i := bytes.LastIndexByte(t, '\n')
	if strings.TrimSpace(string(t[i+1:])) == delim {
		return body[:i+1]
	}
	return body
}

func right(p syntax.Pos, n int) syntax.Pos {
	p.Column += n
	return p
}
