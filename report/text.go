package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// compactFormatter writes one line per finding, the shape editors and
// grep understand: file:line:col: severity rule message.
type compactFormatter struct{}

var _ Formatter = (*compactFormatter)(nil)

func (f *compactFormatter) Format(w io.Writer, r *Report) error {
	for _, fd := range r.Findings {
		if _, err := fmt.Fprintf(w, "%s: %s %s %s\n", fd.Location(), fd.Severity, fd.RuleID, fd.Message); err != nil {
			return err
		}
	}
	return nil
}

// githubFormatter writes GitHub Actions workflow commands, which GitHub
// turns into annotations on the pull request's changed lines.
type githubFormatter struct{}

var _ Formatter = (*githubFormatter)(nil)

func githubLevel(s Severity) string {
	switch s {
	case SeverityCritical, SeverityHigh:
		return "error"
	case SeverityMedium:
		return "warning"
	}
	return "notice"
}

// escapeData and escapeProperty follow the workflow-command escaping rules.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

func (f *githubFormatter) Format(w io.Writer, r *Report) error {
	for _, fd := range r.Findings {
		props := "file=" + escapeProperty(fd.File)
		if fd.Range.Start.Line > 0 {
			props += fmt.Sprintf(",line=%d,col=%d", fd.Range.Start.Line, max(fd.Range.Start.Column, 1))
		}
		if fd.Range.Start.Line > 0 && fd.Range.End.Line >= fd.Range.Start.Line {
			props += fmt.Sprintf(",endLine=%d", fd.Range.End.Line)
			if fd.Range.End.Line == fd.Range.Start.Line && fd.Range.End.Column > fd.Range.Start.Column {
				props += fmt.Sprintf(",endColumn=%d", fd.Range.End.Column)
			}
		}
		props += ",title=" + escapeProperty(fd.RuleID+" "+fd.Title)
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", githubLevel(fd.Severity), props, escapeData(fmt.Sprintf("[%s] %s", fd.Severity, fd.Message))); err != nil {
			return err
		}
	}
	return nil
}

// junitFormatter writes a JUnit XML report: one test case per finding, so
// CI dashboards list each problem as a failed test.
type junitFormatter struct{}

var _ Formatter = (*junitFormatter)(nil)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitFailure `xml:"failure,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

func (f *junitFormatter) Format(w io.Writer, r *Report) error {
	suite := junitSuite{Name: "vaultguard lint"}
	for _, fd := range r.Findings {
		loc := fd.Location()
		suite.Cases = append(suite.Cases, junitCase{
			Name:      fmt.Sprintf("%s %s", fd.RuleID, loc),
			Classname: fd.File,
			File:      fd.File,
			Line:      fd.Range.Start.Line,
			Failure: &junitFailure{
				Message: fd.Message,
				Type:    fd.Severity.String(),
				Text:    fmt.Sprintf("%s [%s] %s\n%s\n%s", loc, fd.Severity, fd.RuleID, fd.Title, fd.HelpURI),
			},
		})
	}
	if len(suite.Cases) == 0 {
		suite.Cases = []junitCase{{Name: "no findings", Classname: "vaultguard"}}
	}
	suite.Tests = len(suite.Cases)
	suite.Failures = len(r.Findings)
	doc := junitSuites{Name: "vaultguard", Tests: suite.Tests, Failures: suite.Failures, Suites: []junitSuite{suite}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// checkstyleFormatter writes Checkstyle XML, which many CI systems and
// review bots import.
type checkstyleFormatter struct{}

var _ Formatter = (*checkstyleFormatter)(nil)

type checkstyle struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

func (f *checkstyleFormatter) Format(w io.Writer, r *Report) error {
	doc := checkstyle{Version: "4.3"}
	for _, fd := range r.Findings {
		if len(doc.Files) == 0 || doc.Files[len(doc.Files)-1].Name != fd.File {
			doc.Files = append(doc.Files, checkstyleFile{Name: fd.File})
		}
		sev := "info"
		switch fd.Severity {
		case SeverityCritical, SeverityHigh:
			sev = "error"
		case SeverityMedium:
			sev = "warning"
		}
		last := &doc.Files[len(doc.Files)-1]
		last.Errors = append(last.Errors, checkstyleError{Line: fd.Range.Start.Line, Column: fd.Range.Start.Column, Severity: sev, Message: fd.Message, Source: "vaultguard." + fd.RuleID})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
