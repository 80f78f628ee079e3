package report

import (
	"encoding/json"
	"io"
)

type jsonFormatter struct{}

var _ Formatter = (*jsonFormatter)(nil)

// jsonFinding is one finding in the JSON contract other tools (and our
// tests) depend on; fields are in the documented order.
type jsonFinding struct {
	RuleID      string `json:"rule_id"`
	Severity    string `json:"severity"`
	Title       string `json:"title"`
	Message     string `json:"message"`
	File        string `json:"file"`
	Range       Range  `json:"range"`
	Kind        string `json:"kind"`
	HelpURI     string `json:"help_uri,omitempty"`
	Fingerprint string `json:"fingerprint,omitempty"`
}

type jsonReport struct {
	Findings []jsonFinding `json:"findings"`
	Summary  Summary       `json:"summary"`
}

func (f *jsonFormatter) Format(w io.Writer, r *Report) error {
	out := jsonReport{Findings: make([]jsonFinding, 0, len(r.Findings)), Summary: r.Summary}
	for _, fd := range r.Findings {
		out.Findings = append(out.Findings, jsonFinding{
			RuleID: fd.RuleID, Severity: fd.Severity.String(), Title: fd.Title, Message: fd.Message,
			File: fd.File, Range: fd.Range, Kind: fd.Kind, HelpURI: fd.HelpURI, Fingerprint: fd.Fingerprint,
		})
	}
	if out.Summary.BySeverity == nil {
		out.Summary.BySeverity = map[string]int{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
