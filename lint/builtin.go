package lint

import "github.com/vaultguard/vaultguard/report"

// Rules produced by Go rather than Rego: files Vault would reject, and the
// governance of inline ignores.
const (
	IgnoreNoReasonID = "VG-IGNORE-001"
	IgnoreExpiredID  = "VG-IGNORE-002"
	IgnoreUnusedID   = "VG-IGNORE-003"
)

const ignoreDocs = "https://github.com/vaultguard/vaultguard#inline-ignores"

var builtinRules = []report.Rule{
	ParseRule,
	{
		ID:          IgnoreNoReasonID,
		Title:       "Inline ignore without a reason",
		Description: "A `vaultguard:ignore` comment suppresses a finding but does not say why. Reviewers cannot tell an accepted risk from a silenced alarm.",
		Severity:    report.SeverityLow,
		Remediation: `Add reason="..." (and preferably expires=YYYY-MM-DD) to the ignore comment.`,
		HelpURI:     ignoreDocs,
		Kinds:       []string{"ignore"},
	},
	{
		ID:          IgnoreExpiredID,
		Title:       "Inline ignore has expired",
		Description: "The ignore's expires= date has passed, so it no longer suppresses anything: the finding it covered is reported again.",
		Severity:    report.SeverityLow,
		Remediation: "Fix the finding, or renew the ignore with a new reason and expiry after review.",
		HelpURI:     ignoreDocs,
		Kinds:       []string{"ignore"},
	},
	{
		ID:          IgnoreUnusedID,
		Title:       "Inline ignore suppresses nothing",
		Description: "No finding of the named rules stands on the ignore's line or the line below it (or anywhere in the file, for ignore-file). It is stale and would hide a future problem.",
		Severity:    report.SeverityLow,
		Remediation: "Remove the ignore comment.",
		HelpURI:     ignoreDocs,
		Kinds:       []string{"ignore"},
	},
}

func builtinRule(id string) report.Rule {
	for _, r := range builtinRules {
		if r.ID == id {
			return r
		}
	}
	return report.Rule{ID: id}
}
