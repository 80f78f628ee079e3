package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

type tableFormatter struct {
	color bool
}

var _ Formatter = (*tableFormatter)(nil)

var severityColor = map[Severity]string{
	SeverityCritical: "\x1b[1;31m",
	SeverityHigh:     "\x1b[31m",
	SeverityMedium:   "\x1b[33m",
	SeverityLow:      "\x1b[36m",
	SeverityInfo:     "\x1b[37m",
}

func (f *tableFormatter) paint(s Severity, text string) string {
	if !f.color {
		return text
	}
	return severityColor[s] + text + "\x1b[0m"
}

func (f *tableFormatter) Format(w io.Writer, r *Report) error {
	if len(r.Findings) > 0 {
		t := tablewriter.NewTable(w,
			tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleLight)})),
			tablewriter.WithHeaderAutoFormat(tw.Off),
			tablewriter.WithRowAutoWrap(tw.WrapNormal),
			// Locations and rule ids stay whole; only the message wraps.
			tablewriter.WithRowMaxWidth(0),
			tablewriter.WithColumnWidths(tw.NewMapper[int, int]().Set(3, 72)),
		)
		t.Header([]string{"Location", "Severity", "Rule", "Message"})
		for _, fd := range r.Findings {
			loc := fd.Location()
			if err := t.Append([]string{loc, f.paint(fd.Severity, fd.Severity.String()), fd.RuleID, fd.Message}); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
	}
	var parts []string
	for _, s := range []Severity{SeverityCritical, SeverityHigh, SeverityMedium, SeverityLow, SeverityInfo} {
		if n := r.Summary.BySeverity[s.String()]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, s))
		}
	}
	detail := ""
	if len(parts) > 0 {
		detail = " (" + strings.Join(parts, ", ") + ")"
	}
	_, err := fmt.Fprintf(w, "%d finding(s)%s in %d file(s)", r.Summary.Findings, detail, r.Summary.Files)
	if err == nil && r.Summary.Skipped > 0 {
		_, err = fmt.Fprintf(w, ", %d skipped (see --verbose)", r.Summary.Skipped)
	}
	if err == nil {
		_, err = fmt.Fprintln(w)
	}
	return err
}
