package lint

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/vaultguard/vaultguard/lint/syntax"
	"github.com/vaultguard/vaultguard/report"
)

// An inline ignore, in any comment style the linted formats use:
//
//	# vaultguard:ignore VG-POL-001 reason="break-glass policy" expires=2027-03-01
//	// vaultguard:ignore VG-POL-001,VG-POL-003 reason="..."
//	<!-- vaultguard:ignore-file VG-DEP-001 reason="local dev compose file" -->
//
// A line ignore covers findings that start on its own line or the next
// one; an ignore-file covers the whole file.
var (
	ignoreRe  = regexp.MustCompile(`(?:#|//|/\*|<!--|;)\s*vaultguard:(ignore-file|ignore)\b(.*)`)
	idRe      = regexp.MustCompile(`\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b`)
	reasonRe  = regexp.MustCompile(`reason\s*=\s*"([^"]*)"`)
	expiresRe = regexp.MustCompile(`expires\s*=\s*"?(\S+?)"?(?:\s|$|-->|\*/)`)
)

type ignore struct {
	file     string
	line     int
	col      int
	fileWide bool
	rules    []string
	reason   string
	expires  time.Time
	badDate  string
	used     bool
}

func parseIgnores(file string, src []byte) []*ignore {
	if !bytes.Contains(src, []byte("vaultguard:ignore")) {
		return nil
	}
	var out []*ignore
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	for n := 1; sc.Scan(); n++ {
		text := sc.Text()
		loc := ignoreRe.FindStringSubmatchIndex(text)
		if loc == nil {
			continue
		}
		if strings.Count(text[:loc[0]], "`")%2 == 1 {
			// Inside a code span (Markdown prose that explains ignores,
			// a shell command substitution): not a comment, not an ignore.
			continue
		}
		kind := text[loc[2]:loc[3]]
		rest := text[loc[4]:loc[5]]
		ig := &ignore{file: file, line: n, col: loc[0] + 1, fileWide: kind == "ignore-file"}
		head := rest
		if i := strings.Index(head, "reason"); i >= 0 {
			head = head[:i]
		}
		ig.rules = idRe.FindAllString(head, -1)
		if m := reasonRe.FindStringSubmatch(rest); m != nil {
			ig.reason = strings.TrimSpace(m[1])
		}
		if m := expiresRe.FindStringSubmatch(rest + " "); m != nil {
			t, err := time.Parse("2006-01-02", m[1])
			if err != nil {
				ig.badDate = m[1]
			} else {
				ig.expires = t
			}
		}
		out = append(out, ig)
	}
	return out
}

func (ig *ignore) covers(f report.Finding) bool {
	if f.File != ig.file || !slices.Contains(ig.rules, f.RuleID) {
		return false
	}
	return ig.fileWide || f.Range.Start.Line == ig.line || f.Range.Start.Line == ig.line+1
}

func (ig *ignore) rng() syntax.Range {
	p := syntax.Pos{Line: ig.line, Column: ig.col}
	return syntax.Range{File: ig.file, Start: p, End: p}
}

// applyIgnores drops findings covered by a live ignore and adds the
// findings about the ignores themselves.
func applyIgnores(findings []report.Finding, sources map[string][]byte, now time.Time, reportUnused bool) (kept []report.Finding, suppressed int) {
	var ignores []*ignore
	for file, src := range sources {
		ignores = append(ignores, parseIgnores(file, src)...)
	}
	if len(ignores) == 0 {
		return findings, 0
	}
	today := now.UTC().Truncate(24 * time.Hour)
	var meta []report.Finding
	for _, ig := range ignores {
		if len(ig.rules) == 0 {
			meta = append(meta, finding(builtinRule(IgnoreNoReasonID), report.SeverityLow, "vaultguard:ignore names no rule id (write e.g. vaultguard:ignore VG-POL-001 reason=\"...\")", ig.rng(), nil))
			continue
		}
		if ig.reason == "" {
			meta = append(meta, finding(builtinRule(IgnoreNoReasonID), report.SeverityLow, fmt.Sprintf("ignore of %s has no reason=\"...\"", strings.Join(ig.rules, ", ")), ig.rng(), nil))
		}
		if ig.badDate != "" {
			meta = append(meta, finding(builtinRule(IgnoreExpiredID), report.SeverityLow, fmt.Sprintf("ignore of %s has an unreadable expires=%s (want YYYY-MM-DD); it suppresses nothing", strings.Join(ig.rules, ", "), ig.badDate), ig.rng(), nil))
		} else if !ig.expires.IsZero() && ig.expires.Before(today) {
			meta = append(meta, finding(builtinRule(IgnoreExpiredID), report.SeverityLow, fmt.Sprintf("ignore of %s expired on %s: the finding is reported again", strings.Join(ig.rules, ", "), ig.expires.Format("2006-01-02")), ig.rng(), nil))
		}
	}
	for _, f := range findings {
		covered := false
		for _, ig := range ignores {
			if ig.badDate != "" || (!ig.expires.IsZero() && ig.expires.Before(today)) {
				if ig.covers(f) {
					ig.used = true
				}
				continue
			}
			if ig.covers(f) {
				ig.used = true
				covered = true
			}
		}
		if covered {
			suppressed++
			continue
		}
		kept = append(kept, f)
	}
	if reportUnused {
		for _, ig := range ignores {
			if !ig.used && len(ig.rules) > 0 {
				meta = append(meta, finding(builtinRule(IgnoreUnusedID), report.SeverityLow, fmt.Sprintf("ignore of %s suppresses nothing; remove it", strings.Join(ig.rules, ", ")), ig.rng(), nil))
			}
		}
	}
	return append(kept, meta...), suppressed
}
