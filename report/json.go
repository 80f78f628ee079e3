package report

import (
	"encoding/json"
	"io"
)

type jsonFormatter struct{}

var _ Formatter = (*jsonFormatter)(nil)

type jsonFinding struct {
	Finding
	Severity string `json:"severity"`
}

// jsonReport is the JSON contract other tools (and our tests) depend on.
type jsonReport struct {
	Findings []jsonFinding `json:"findings"`
	Summary  Summary       `json:"summary"`
}

func (f *jsonFormatter) Format(w io.Writer, r *Report) error {
	out := jsonReport{Findings: make([]jsonFinding, 0, len(r.Findings)), Summary: r.Summary}
	for _, fd := range r.Findings {
		out.Findings = append(out.Findings, jsonFinding{Finding: fd, Severity: fd.Severity.String()})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
