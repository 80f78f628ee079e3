package deploy

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
	sh "mvdan.cc/sh/v3/syntax"

	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/source/script"
	"github.com/vaultguard/vaultguard/lint/syntax"
)

const shVariant = sh.LangBash

var yamlLineRe = regexp.MustCompile(`line (\d+)`)

// readYAML reads docker-compose files, Kubernetes manifests (every
// document of a multi-document file) and Helm values. Files that do not
// mention Vault are not read at all, and an unparseable file that is a
// template ({{ ... }}) is not reported: it is not YAML until rendered.
func readYAML(name string, src []byte) (in *model.Input, errs []*syntax.Error) {
	if !bytes.Contains(bytes.ToLower(src), []byte("vault")) {
		return &model.Input{}, nil
	}
	defer func() {
		if r := recover(); r != nil {
			in, errs = nil, []*syntax.Error{{Range: pos1(name, 1, 1), Message: "unparseable YAML"}}
		}
	}()
	origin := "kubernetes"
	if strings.Contains(strings.ToLower(name), "compose") {
		origin = "compose"
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var docs []*yaml.Node
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if bytes.Contains(src, []byte("{{")) {
				return &model.Input{}, nil
			}
			line := 1
			if m := yamlLineRe.FindStringSubmatch(err.Error()); m != nil {
				line, _ = strconv.Atoi(m[1])
			}
			return nil, []*syntax.Error{{Range: pos1(name, line, 1), Message: "parse YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}}
		}
		docs = append(docs, &doc)
	}
	it := script.NewInterp(name, origin)
	y := &yamlReader{file: name, src: src, it: it}
	for _, d := range docs {
		if y.isCompose(d) {
			y.it = script.NewInterp(name, "compose")
			it = y.it
		}
		y.walk(d, nil, 0)
	}
	return it.Input(), it.Errors()
}

func pos1(file string, line, col int) syntax.Range {
	p := syntax.Pos{Line: line, Column: col}
	return syntax.Range{File: file, Start: p, End: p}
}

type yamlReader struct {
	file string
	src  []byte
	it   *script.Interp
}

func (y *yamlReader) isCompose(doc *yaml.Node) bool {
	if len(doc.Content) == 0 {
		return false
	}
	_, ok := get(doc.Content[0], "services")
	return ok
}

// get returns a mapping's value for key.
func get(m *yaml.Node, key string) (*yaml.Node, bool) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, false
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1], true
		}
	}
	return nil, false
}

func getKey(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i]
		}
	}
	return nil
}

func (y *yamlReader) rng(n *yaml.Node) syntax.Range {
	start := syntax.Pos{Line: n.Line, Column: n.Column}
	end := start
	if n.Kind == yaml.ScalarNode && !strings.Contains(n.Value, "\n") {
		w := len(n.Value)
		if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			w += 2
		}
		end.Column += w
	}
	return syntax.Range{File: y.file, Start: start, End: end}
}

// arg turns a scalar into a command word. Compose interpolates ${VAR} and
// Kubernetes $(VAR): a word holding either is not statically known.
func (y *yamlReader) arg(n *yaml.Node) script.Arg {
	a := script.Arg{Value: n.Value, Known: true, Text: n.Value, Range: y.rng(n)}
	if n.Kind != yaml.ScalarNode || strings.Contains(n.Value, "$") {
		a.Known = false
		a.Value = ""
	}
	switch {
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		a.Raw = y.blockText(n)
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		a.Raw = &script.Heredoc{Text: []byte(n.Value), At: syntax.Pos{Line: n.Line, Column: n.Column + 1}}
	}
	return a
}

// blockText returns a block scalar's lines as written (indented, not
// folded), which keeps the host file's lines and columns for content such
// as an embedded JSON or HCL config.
func (y *yamlReader) blockText(n *yaml.Node) *script.Heredoc {
	lines := bytes.SplitAfter(y.src, []byte("\n"))
	if n.Line < 1 || n.Line >= len(lines) {
		return nil
	}
	var b bytes.Buffer
	indent := -1
	for _, l := range lines[n.Line:] {
		t := bytes.TrimLeft(l, " ")
		if len(bytes.TrimSpace(l)) > 0 {
			in := len(l) - len(t)
			if indent < 0 {
				indent = in
			}
			if in < indent {
				break
			}
		}
		b.Write(l)
	}
	return &script.Heredoc{Text: b.Bytes(), At: syntax.Pos{Line: n.Line + 1, Column: 1}}
}

func (y *yamlReader) walk(n *yaml.Node, parentKey *yaml.Node, depth int) {
	if n == nil || depth > 64 {
		return
	}
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			y.walk(c, parentKey, depth+1)
		}
	case yaml.AliasNode:
		return
	case yaml.MappingNode:
		if c, ok := y.container(n); ok {
			c.emit(y.it)
		}
		if parentKey != nil && parentKey.Value == "server" {
			y.helmServer(n)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			y.walk(n.Content[i+1], n.Content[i], depth+1)
		}
	}
}

// container reads a compose service or a Kubernetes container spec: a
// mapping with an image, or with a command and an environment.
func (y *yamlReader) container(m *yaml.Node) (*container, bool) {
	img, hasImage := get(m, "image")
	_, hasCmd := get(m, "command")
	_, hasEnv := get(m, "environment")
	_, hasK8sEnv := get(m, "env")
	if !hasImage && !hasCmd {
		return nil, false
	}
	if !hasImage && !hasEnv && !hasK8sEnv {
		return nil, false
	}
	c := &container{}
	if hasImage && img.Kind == yaml.ScalarNode {
		c.image, c.imageRange, c.hasImage = img.Value, y.rng(img), true
	}
	for _, key := range []string{"entrypoint", "command", "args"} {
		v, ok := get(m, key)
		if !ok {
			continue
		}
		// Setting the entrypoint (compose) or command (Kubernetes) drops
		// the image's default command too.
		c.explicitCmd = true
		switch v.Kind {
		case yaml.SequenceNode:
			for _, e := range v.Content {
				c.words = append(c.words, y.arg(e))
			}
		case yaml.ScalarNode:
			// A compose string command is split like a shell command line.
			at := syntax.Pos{Line: v.Line, Column: v.Column}
			if v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
				at.Column++
			}
			if v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
				at = syntax.Pos{Line: v.Line + 1, Column: 1}
			}
			words := splitWords(y.file, v.Value, at)
			if len(words) > 0 && words[0].Known && vaultSubcommands[words[0].Value] {
				c.words = append(c.words, words...)
			} else {
				c.shell = append(c.shell, shellText{text: []byte(v.Value), at: at})
			}
		}
	}
	for _, key := range []string{"environment", "env"} {
		v, ok := get(m, key)
		if !ok {
			continue
		}
		c.env = append(c.env, y.envOf(v)...)
	}
	return c, true
}

// envOf reads compose `environment:` (a mapping or a list of K=V) and
// Kubernetes `env:` (a list of {name, value}).
func (y *yamlReader) envOf(v *yaml.Node) []script.EnvVar {
	var out []script.EnvVar
	switch v.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(v.Content); i += 2 {
			k, val := v.Content[i], v.Content[i+1]
			ev := script.EnvVar{Name: k.Value, NameRange: y.rng(k), Value: y.arg(val)}
			if val.Tag == "!!null" {
				ev.Value = script.Arg{Known: false, Text: "", Range: y.rng(k)}
			}
			out = append(out, ev)
		}
	case yaml.SequenceNode:
		for _, e := range v.Content {
			switch e.Kind {
			case yaml.ScalarNode:
				k, val, ok := strings.Cut(e.Value, "=")
				if !ok {
					continue
				}
				r := y.rng(e)
				a := y.arg(e)
				a.Value, a.Text = val, val
				if !a.Known {
					a.Value = ""
				}
				nameEnd := r.Start
				nameEnd.Column += len(k)
				out = append(out, script.EnvVar{Name: k, NameRange: syntax.Range{File: y.file, Start: r.Start, End: nameEnd}, Value: a})
			case yaml.MappingNode:
				name, ok := get(e, "name")
				if !ok {
					continue
				}
				ev := script.EnvVar{Name: name.Value, NameRange: y.rng(name)}
				if val, ok := get(e, "value"); ok {
					ev.Value = y.arg(val)
				} else {
					// valueFrom: a Secret or ConfigMap reference, not in the file.
					ev.Value = script.Arg{Known: false, Text: "valueFrom", Range: y.rng(name)}
				}
				out = append(out, ev)
			}
		}
	}
	return out
}

// helmServer reads the vault-helm chart's server values: the server
// config of the standalone and HA modes (`config: |` HCL, linted as a
// server config where it stands), extraEnvironmentVars, and dev mode.
func (y *yamlReader) helmServer(server *yaml.Node) {
	if env, ok := get(server, "extraEnvironmentVars"); ok {
		y.it.Env(y.envOf(env))
	}
	for _, mode := range []string{"standalone", "ha"} {
		m, ok := get(server, mode)
		if !ok || disabled(m) {
			continue
		}
		y.helmConfig(mode, m)
		if raft, ok := get(m, "raft"); ok && !disabled(raft) {
			y.helmConfig(mode+".raft", raft)
		}
	}
	y.helmDev(server)
}

// disabled reports whether a chart section says enabled: false.
func disabled(m *yaml.Node) bool {
	e, ok := get(m, "enabled")
	if !ok || e.Kind != yaml.ScalarNode {
		return false
	}
	b, isBool := model.Bool(e.Value)
	return isBool && !b
}

func (y *yamlReader) helmConfig(mode string, m *yaml.Node) {
	c, ok := get(m, "config")
	if !ok || c.Kind != yaml.ScalarNode || strings.Contains(c.Value, "{{") {
		return
	}
	a := y.arg(c)
	text, at := []byte(c.Value), a.Range.Start
	if a.Raw != nil {
		text, at = a.Raw.Text, a.Raw.At
	}
	y.it.EmbeddedConfig("server."+mode+".config", text, at, y.rng(getKey(m, "config")))
}

// helmDev reads the chart's `server.dev` values: dev mode enabled, and
// the root token it sets.
func (y *yamlReader) helmDev(server *yaml.Node) {
	dev, ok := get(server, "dev")
	if !ok {
		return
	}
	enabled, ok := get(dev, "enabled")
	if !ok || enabled.Kind != yaml.ScalarNode {
		return
	}
	b, isBool := model.Bool(enabled.Value)
	if isBool && !b {
		return
	}
	args := []script.Arg{{Value: "vault", Known: true, Range: y.rng(getKey(server, "dev"))}, {Value: "server", Known: true, Range: y.rng(getKey(server, "dev"))}}
	a := y.arg(enabled)
	a.Value, a.Text = "-dev="+enabled.Value, "-dev="+enabled.Value
	args = append(args, a)
	if tok, ok := get(dev, "devRootToken"); ok {
		t := y.arg(tok)
		t.Value = "-dev-root-token-id=" + t.Value
		args = append(args, t)
	}
	y.it.Command(args, nil)
}

// splitWords splits a one-line command string the way compose and
// systemd do: on blanks, honouring single and double quotes. Words with $
// are not statically known.
func splitWords(file, s string, at syntax.Pos) []script.Arg {
	var out []script.Arg
	line, col := at.Line, at.Column
	var cur strings.Builder
	inWord := false
	var quote byte
	start := syntax.Pos{}
	hasDollar := false
	raw := strings.Builder{}
	flush := func(end syntax.Pos) {
		if !inWord {
			return
		}
		a := script.Arg{Value: cur.String(), Known: !hasDollar, Text: raw.String(), Range: syntax.Range{File: file, Start: start, End: end}}
		if hasDollar {
			a.Value = ""
		}
		out = append(out, a)
		cur.Reset()
		raw.Reset()
		inWord, hasDollar = false, false
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		here := syntax.Pos{Line: line, Column: col}
		switch {
		case ch == '\n':
			if quote == 0 {
				flush(here)
			} else {
				cur.WriteByte(ch)
				raw.WriteByte(ch)
			}
			line, col = line+1, 1
			continue
		case quote != 0:
			raw.WriteByte(ch)
			if ch == quote {
				quote = 0
			} else {
				if ch == '$' {
					hasDollar = true
				}
				cur.WriteByte(ch)
			}
		case ch == ' ' || ch == '\t':
			flush(here)
		default:
			if !inWord {
				inWord, start = true, here
			}
			raw.WriteByte(ch)
			switch ch {
			case '"', '\'':
				quote = ch
			case '$':
				hasDollar = true
				cur.WriteByte(ch)
			default:
				cur.WriteByte(ch)
			}
		}
		col++
	}
	flush(syntax.Pos{Line: line, Column: col})
	return out
}
