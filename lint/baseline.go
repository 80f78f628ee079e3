package lint

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"

	"github.com/vaultguard/vaultguard/report"
)

// BaselineVersion is the format version written to baseline files.
const BaselineVersion = 1

// Baseline records accepted findings so that an old repository can adopt
// the gate and be held to "no new findings". Entries are keyed by rule,
// file and the fingerprint of the offending node's normalised text, never
// by line number, so they survive edits above them.
type Baseline struct {
	Version  int             `json:"version"`
	Findings []BaselineEntry `json:"findings"`
}

// BaselineEntry is one accepted finding.
type BaselineEntry struct {
	RuleID      string `json:"rule_id"`
	File        string `json:"file"`
	Fingerprint string `json:"fingerprint"`
	Message     string `json:"message"`
}

// NewBaseline records findings.
func NewBaseline(findings []report.Finding) *Baseline {
	b := &Baseline{Version: BaselineVersion, Findings: []BaselineEntry{}}
	for _, f := range findings {
		b.Findings = append(b.Findings, BaselineEntry{RuleID: f.RuleID, File: f.File, Fingerprint: f.Fingerprint, Message: f.Message})
	}
	sort.Slice(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		if x.File != y.File {
			return x.File < y.File
		}
		if x.RuleID != y.RuleID {
			return x.RuleID < y.RuleID
		}
		return x.Fingerprint < y.Fingerprint
	})
	return b
}

// Write saves the baseline as indented JSON.
func (b *Baseline) Write(path string) error {
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	return nil
}

// LoadBaseline reads a baseline file.
func LoadBaseline(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read baseline: %w", err)
	}
	var b Baseline
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("read baseline %s: %w", path, err)
	}
	if b.Version != BaselineVersion {
		return nil, fmt.Errorf("read baseline %s: version %d, want %d", path, b.Version, BaselineVersion)
	}
	return &b, nil
}

// Filter hides findings the baseline accepts and returns the entries
// nothing matched any more (fixed since the baseline was written).
func (b *Baseline) Filter(findings []report.Finding) (kept []report.Finding, hidden int, stale []BaselineEntry) {
	type key struct{ rule, file, fp string }
	left := map[key]int{}
	for _, e := range b.Findings {
		left[key{e.RuleID, e.File, e.Fingerprint}]++
	}
	for _, f := range findings {
		k := key{f.RuleID, f.File, f.Fingerprint}
		if left[k] > 0 {
			left[k]--
			hidden++
			continue
		}
		kept = append(kept, f)
	}
	for _, e := range b.Findings {
		k := key{e.RuleID, e.File, e.Fingerprint}
		if left[k] > 0 {
			left[k]--
			stale = append(stale, e)
		}
	}
	return kept, hidden, stale
}
