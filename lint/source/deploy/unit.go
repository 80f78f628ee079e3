package deploy

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/source/script"
	"github.com/vaultguard/vaultguard/lint/syntax"
)

// logicalLine is an instruction or directive with its continuation lines
// joined; text keeps the backslash-newlines so that a shell parser sees
// the same layout, and at is where text starts.
type logicalLine struct {
	key  string
	text string
	at   syntax.Pos
	line int
}

// logicalLines splits a Dockerfile or unit into KEY + rest, joining lines
// that end in a backslash. sep separates the key from the rest: ' ' for
// Dockerfiles, '=' for systemd.
func logicalLines(src []byte, sep byte) []logicalLine {
	lines := strings.SplitAfter(string(src), "\n")
	var out []logicalLine
	for i := 0; i < len(lines); i++ {
		first := strings.TrimRight(lines[i], "\r\n")
		trimmed := strings.TrimLeft(first, " \t")
		if trimmed == "" || trimmed[0] == '#' || trimmed[0] == ';' {
			continue
		}
		indent := len(first) - len(trimmed)
		var k, rest string
		var ok bool
		if sep == ' ' {
			k, rest, ok = strings.Cut(strings.Replace(trimmed, "\t", " ", 1), " ")
		} else {
			k, rest, ok = strings.Cut(trimmed, string(sep))
		}
		if !ok {
			continue
		}
		restLead := len(rest) - len(strings.TrimLeft(rest, " \t"))
		col := indent + len(k) + 1 + restLead + 1
		text := strings.TrimLeft(rest, " \t")
		start := i
		for strings.HasSuffix(strings.TrimRight(lines[i], "\r\n"), `\`) && i+1 < len(lines) {
			i++
			text += "\n" + strings.TrimRight(lines[i], "\r\n")
		}
		text = strings.ReplaceAll(text, "\r", "")
		if sep == '=' {
			k = strings.TrimSpace(k)
		}
		out = append(out, logicalLine{key: k, text: text, at: syntax.Pos{Line: start + 1, Column: col}, line: start + 1})
	}
	return out
}

// readDockerfile reads FROM (the image), ENV, ENTRYPOINT and CMD (the
// command the container runs, exec or shell form) and RUN lines.
func readDockerfile(name string, src []byte) (*model.Input, []*syntax.Error) {
	it := script.NewInterp(name, "dockerfile")
	c := &container{}
	var entry, cmd []script.Arg
	for _, l := range logicalLines(src, ' ') {
		switch strings.ToUpper(l.key) {
		case "FROM":
			words := splitWords(name, l.text, l.at)
			for _, w := range words {
				if !strings.HasPrefix(w.Value, "--") {
					c.image, c.imageRange, c.hasImage = w.Value, w.Range, w.Known
					c.explicitCmd = false
					entry, cmd = nil, nil
					break
				}
			}
		case "ENV":
			it.Env(dockerEnv(name, l))
		case "RUN":
			if !strings.HasPrefix(strings.TrimSpace(l.text), "[") {
				_ = script.ReadShell(it, []byte(l.text), l.at, shVariant, true)
			}
		case "CMD", "ENTRYPOINT":
			words, shellForm := execForm(name, l)
			if shellForm {
				words = []script.Arg{{Value: "sh", Known: true, Range: rangeAt(name, l.at)}, {Value: "-c", Known: true, Range: rangeAt(name, l.at)}, {Value: l.text, Known: true, Range: rangeAt(name, l.at)}}
			}
			if strings.EqualFold(l.key, "CMD") {
				cmd = words
				c.explicitCmd = true
			} else {
				entry = words
				cmd = nil
			}
		}
	}
	if len(entry) > 0 && entry[len(entry)-1].Known && strings.HasSuffix(entry[len(entry)-1].Value, "docker-entrypoint.sh") {
		entry = nil // the official entrypoint prefixes `vault` to a subcommand
	}
	c.words = append(append([]script.Arg{}, entry...), cmd...)
	c.explicitCmd = c.explicitCmd || len(entry) > 0
	if c.hasImage && isVaultImage(c.image) && len(c.words) == 0 && !c.explicitCmd {
		// FROM vault with no CMD inherits `server -dev`.
		c.emit(it)
	} else if len(c.words) > 0 {
		c.emit(it)
	}
	return it.Input(), it.Errors()
}

func rangeAt(file string, p syntax.Pos) syntax.Range {
	return syntax.Range{File: file, Start: p, End: p}
}

// execForm reads ["a", "b"] with the position of each string; anything
// else is the shell form.
func execForm(file string, l logicalLine) ([]script.Arg, bool) {
	t := strings.TrimSpace(l.text)
	if !strings.HasPrefix(t, "[") {
		return nil, true
	}
	var list []string
	if err := json.Unmarshal([]byte(strings.ReplaceAll(t, "\\\n", "")), &list); err != nil {
		return nil, true
	}
	var out []script.Arg
	off := 0
	for _, s := range list {
		q, _ := json.Marshal(s)
		i := strings.Index(l.text[off:], string(q))
		p := l.at
		if i >= 0 {
			p = offsetPos(l.text, l.at, off+i)
			off += i + len(q)
		}
		end := p
		end.Column += len(q)
		inner := p
		inner.Column++
		out = append(out, script.Arg{Value: s, Known: !strings.Contains(s, "$"), Text: string(q), Range: syntax.Range{File: file, Start: p, End: end}, Raw: &script.Heredoc{Text: []byte(s), At: inner}})
	}
	return out, false
}

// offsetPos is the position of byte off of text that starts at at.
func offsetPos(text string, at syntax.Pos, off int) syntax.Pos {
	before := text[:off]
	nl := strings.Count(before, "\n")
	if nl == 0 {
		return syntax.Pos{Line: at.Line, Column: at.Column + off}
	}
	return syntax.Pos{Line: at.Line + nl, Column: off - strings.LastIndexByte(before, '\n')}
}

// dockerEnv reads `ENV K=V K2="v 2"` and the legacy `ENV K V`.
func dockerEnv(file string, l logicalLine) []script.EnvVar {
	words := splitWords(file, strings.ReplaceAll(l.text, "\\\n", " \n"), l.at)
	if len(words) == 0 {
		return nil
	}
	if !strings.Contains(words[0].Text, "=") {
		name := words[0]
		if len(words) < 2 {
			return nil
		}
		v := words[1]
		if len(words) > 2 {
			v.Value = strings.Join(valuesOf(words[1:]), " ")
			v.Range.End = words[len(words)-1].Range.End
		}
		return []script.EnvVar{{Name: name.Value, NameRange: name.Range, Value: v}}
	}
	return assignments(words)
}

func valuesOf(words []script.Arg) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = w.Value
	}
	return out
}

// assignments reads K=V words.
func assignments(words []script.Arg) []script.EnvVar {
	var out []script.EnvVar
	for _, w := range words {
		src := w.Value
		if !w.Known {
			src = w.Text
		}
		k, v, ok := strings.Cut(src, "=")
		if !ok || k == "" {
			continue
		}
		k = strings.Trim(k, `"'`)
		nameEnd := w.Range.Start
		nameEnd.Column += len(k)
		val := script.Arg{Value: v, Known: w.Known, Text: v, Range: w.Range}
		if !w.Known {
			val.Value = ""
		}
		out = append(out, script.EnvVar{Name: k, NameRange: syntax.Range{File: w.Range.File, Start: w.Range.Start, End: nameEnd}, Value: val})
	}
	return out
}

// readSystemd reads a unit's ExecStart (how the server starts) and
// Environment= lines.
func readSystemd(name string, src []byte) (*model.Input, []*syntax.Error) {
	it := script.NewInterp(name, "systemd")
	c := &container{explicitCmd: true}
	for _, l := range logicalLines(src, '=') {
		switch l.key {
		case "ExecStart":
			text := strings.TrimLeft(l.text, "-@+!:")
			at := l.at
			at.Column += len(l.text) - len(text)
			c.shell = append(c.shell, shellText{text: []byte(text), at: at})
		case "Environment":
			c.env = append(c.env, assignments(splitWords(name, l.text, l.at))...)
		}
	}
	if bytes.Contains(src, []byte("[Service]")) || len(c.shell) > 0 || len(c.env) > 0 {
		c.emit(it)
	}
	return it.Input(), it.Errors()
}
