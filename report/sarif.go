package report

import (
	"io"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

// InformationURI is where SARIF consumers send people to learn about the tool.
const InformationURI = "https://github.com/vaultguard/vaultguard"

type sarifFormatter struct{}

var _ Formatter = (*sarifFormatter)(nil)

// sarifLevel maps severities onto SARIF's three levels; GitHub ranks by
// security-severity, the level only picks the icon.
func sarifLevel(s Severity) string {
	switch s {
	case SeverityCritical, SeverityHigh:
		return "error"
	case SeverityMedium:
		return "warning"
	}
	return "note"
}

// SARIF builds the SARIF 2.1.0 log of a report.
func SARIF(r *Report) *sarif.Report {
	tool := r.Tool
	if tool == "" {
		tool = "vaultguard"
	}
	run := sarif.NewRunWithInformationURI(tool, InformationURI)
	if r.Version != "" {
		run.Tool.Driver.WithVersion(r.Version)
	}
	for _, rule := range r.Rules {
		help := rule.Description
		if rule.Remediation != "" {
			help += "\n\nRemediation: " + rule.Remediation
		}
		d := run.AddRule(rule.ID).
			WithName(rule.ID).
			WithShortDescription(sarif.NewMultiformatMessageString().WithText(rule.Title)).
			WithFullDescription(sarif.NewMultiformatMessageString().WithText(nonEmpty(rule.Description, rule.Title))).
			WithHelp(sarif.NewMultiformatMessageString().WithText(nonEmpty(help, rule.Title))).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(rule.Severity))).
			WithProperties(sarif.NewPropertyBag().
				Add("security-severity", rule.Severity.SecurityScore()).
				Add("precision", "high").
				WithTags(append([]string{"security", "vault"}, rule.Kinds...)))
		if rule.HelpURI != "" {
			d.WithHelpURI(rule.HelpURI)
		}
	}
	for _, f := range r.Findings {
		region := sarif.NewRegion().WithStartLine(max(f.Range.Start.Line, 1)).WithStartColumn(max(f.Range.Start.Column, 1))
		if f.Range.End.Line >= f.Range.Start.Line && f.Range.End.Line > 0 {
			region.WithEndLine(f.Range.End.Line)
			if f.Range.End.Column > 0 && (f.Range.End.Line > f.Range.Start.Line || f.Range.End.Column >= f.Range.Start.Column) {
				region.WithEndColumn(f.Range.End.Column)
			}
		}
		res := run.CreateResultForRule(f.RuleID).
			WithLevel(sarifLevel(f.Severity)).
			WithMessage(sarif.NewTextMessage(f.Message)).
			AddLocation(sarif.NewLocationWithPhysicalLocation(
				sarif.NewPhysicalLocation().
					WithArtifactLocation(sarif.NewSimpleArtifactLocation(f.File)).
					WithRegion(region)))
		res.WithProperties(sarif.NewPropertyBag().Add("severity", f.Severity.String()).Add("security-severity", f.Severity.SecurityScore()))
		if f.Fingerprint != "" {
			// AddPartialFingerprint writes into a nil map in go-sarif 3.3.1.
			res.WithPartialFingerprints(map[string]string{"vaultguard/v1": f.Fingerprint})
		}
	}
	log := sarif.NewReport()
	log.AddRun(run)
	return log
}

func nonEmpty(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

func (f *sarifFormatter) Format(w io.Writer, r *Report) error {
	return SARIF(r).PrettyWrite(w)
}
