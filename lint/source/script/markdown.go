package script

import (
	"bytes"
	"regexp"
	"strings"

	sh "mvdan.cc/sh/v3/syntax"

	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/syntax"
)

// fenceLangs are the info strings of Markdown code blocks read as shell.
var fenceLangs = map[string]bool{"shell": true, "bash": true, "sh": true, "console": true, "shell-session": true, "shellsession": true, "zsh": true}

var fenceRe = regexp.MustCompile("^( {0,3})(```+|~~~+)[ \t]*([A-Za-z0-9_+-]*)")

// readMarkdown reads the shell code blocks of a Markdown file. Each block
// is parsed on its own, its lines kept where they are in the file so that
// positions need no mapping beyond the block's first line. Documentation
// snippets are often not valid shell (placeholders like <ROLE>), so a
// block the parser rejects is read command by command and parse errors
// are not reported.
func readMarkdown(name string, src []byte) (*model.Input, []*syntax.Error) {
	it := NewInterp(name, "markdown")
	lines := bytes.SplitAfter(src, []byte("\n"))
	for i := 0; i < len(lines); i++ {
		m := fenceRe.FindSubmatch(bytes.TrimRight(lines[i], "\r\n"))
		if m == nil {
			continue
		}
		fence, lang := string(m[2]), strings.ToLower(string(m[3]))
		end := i + 1
		for end < len(lines) {
			t := strings.TrimSpace(string(lines[end]))
			if strings.HasPrefix(t, fence[:3]) && strings.Trim(t, fence[:1]) == "" && len(t) >= len(fence) {
				break
			}
			end++
		}
		if fenceLangs[lang] && end > i+1 {
			body := bytes.Join(lines[i+1:end], nil)
			body = stripPrompts(body)
			_ = ReadShell(it, body, syntax.Pos{Line: i + 2, Column: 1}, sh.LangBash, true)
		}
		i = end
	}
	return it.Input(), it.Errors()
}

var heredocStart = regexp.MustCompile(`<<-?\s*['"]?([A-Za-z_][A-Za-z0-9_]*)['"]?`)

// stripPrompts turns a console transcript into a script with the same
// line and column layout: a "$ " prompt becomes blanks, output lines
// become empty lines; continuation lines and here-document bodies after a
// prompt line are kept. Text without any prompt is returned unchanged.
func stripPrompts(body []byte) []byte {
	lines := bytes.SplitAfter(body, []byte("\n"))
	hasPrompt := false
	for _, l := range lines {
		if bytes.HasPrefix(bytes.TrimLeft(l, " \t"), []byte("$ ")) {
			hasPrompt = true
			break
		}
	}
	if !hasPrompt {
		return body
	}
	var out bytes.Buffer
	keep := false // a continuation of a kept line
	delim := ""   // inside a here-document ending at delim
	for _, l := range lines {
		content := bytes.TrimRight(l, "\r\n")
		nl := l[len(content):]
		trimmed := bytes.TrimLeft(content, " \t")
		switch {
		case delim != "":
			out.Write(l)
			if strings.TrimSpace(string(content)) == delim {
				delim = ""
			}
			continue
		case bytes.HasPrefix(trimmed, []byte("$ ")):
			indent := len(content) - len(trimmed)
			out.Write(bytes.Repeat([]byte(" "), indent+2))
			out.Write(trimmed[2:])
			out.Write(nl)
		case keep:
			out.Write(l)
		default:
			out.Write(nl)
			continue
		}
		keep = bytes.HasSuffix(content, []byte(`\`))
		if m := heredocStart.FindSubmatch(content); m != nil {
			delim = string(m[1])
		}
	}
	return out.Bytes()
}
