package auditlog

import (
	"context"

	report "github.com/vaultguard/vaultguard/report/audit"
)

// Each streams the run's inputs through the joiner and calls fn with every
// joined request inside the time bounds, with the redactor that has seen
// every entry so far. It is the per-request hook the detectors and
// forwarders build on; the queries in this package use the same path.
func (run *Run) Each(ctx context.Context, fn func(j *Joined, red *Redactor) error) (*report.Summary, error) {
	red := NewRedactor()
	var n int64
	sum, err := run.each(ctx, nil, red, func(j *Joined) error {
		n++
		return fn(j, red)
	})
	sum.Records, sum.Redacted = n, red.Count
	return sum, err
}
