package auditlog

import (
	"regexp"
	"strings"

	report "github.com/vaultguard/vaultguard/report/audit"
)

// RedactedMarker replaces a raw secret in every output.
const RedactedMarker = "[REDACTED]"

// tokenPattern matches Vault token shapes: service, batch and recovery
// tokens (hvs., hvb., hvr.) and the pre-1.10 s./b./r. forms. A log written
// with log_raw=true holds them in clear, and they can also sit inside a
// path (auth/token/lookup/<token>) of any log.
var tokenPattern = regexp.MustCompile(`\bhv[sbr]\.[A-Za-z0-9_-]{20,}|\b[sbr]\.[A-Za-z0-9_-]{24,}`)

// Redactor keeps raw secrets out of output. The decoder never keeps
// request or response data values (only key names), so what is left to
// guard is tokens: the client tokens seen in the log (when they are not
// hmac-sha256 values) and anything shaped like a token.
type Redactor struct {
	known    map[string]struct{}
	maxKnown int
	// Count is how many values were replaced.
	Count int64
}

// NewRedactor returns a Redactor remembering up to 4096 raw tokens.
func NewRedactor() *Redactor {
	return &Redactor{known: map[string]struct{}{}, maxKnown: 4096}
}

// Observe notes the raw tokens an entry carries, so they are scrubbed even
// where they appear in an unexpected field.
func (r *Redactor) Observe(e *Entry) {
	for _, t := range []string{e.Auth.ClientToken, e.Request.ClientToken, e.Response.Auth.ClientToken} {
		if t == "" || strings.HasPrefix(t, "hmac-sha256:") || len(t) < 8 {
			continue
		}
		if _, ok := r.known[t]; !ok && len(r.known) < r.maxKnown {
			r.known[t] = struct{}{}
		}
	}
}

// String returns s with raw secrets replaced.
func (r *Redactor) String(s string) string {
	if s == "" {
		return s
	}
	for t := range r.known {
		if strings.Contains(s, t) {
			r.Count += int64(strings.Count(s, t))
			s = strings.ReplaceAll(s, t, RedactedMarker)
		}
	}
	if strings.IndexByte(s, '.') >= 0 && tokenPattern.MatchString(s) {
		s = tokenPattern.ReplaceAllStringFunc(s, func(string) string {
			r.Count++
			return RedactedMarker
		})
	}
	return s
}

// Record scrubs every log-derived string of a record.
func (r *Redactor) Record(rec *report.Record) {
	for _, p := range []*string{&rec.RequestID, &rec.Operation, &rec.Path, &rec.MountPoint, &rec.MountType,
		&rec.Error, &rec.Identity.DisplayName, &rec.Identity.EntityID, &rec.Identity.AuthMethod,
		&rec.Identity.Role, &rec.Token.Accessor, &rec.Token.Type, &rec.RemoteAddress, &rec.UserAgent} {
		*p = r.String(*p)
	}
	if len(rec.Identity.Metadata) > 0 {
		md := make(map[string]string, len(rec.Identity.Metadata))
		for k, v := range rec.Identity.Metadata {
			md[r.String(k)] = r.String(v)
		}
		rec.Identity.Metadata = md
	}
	if len(rec.Identity.Policies) > 0 {
		ps := make([]string, len(rec.Identity.Policies))
		for i, p := range rec.Identity.Policies {
			ps[i] = r.String(p)
		}
		rec.Identity.Policies = ps
	}
}
