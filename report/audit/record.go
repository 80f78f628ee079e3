// Package audit holds the record types that vaultguard's audit-log analyzer
// emits and the formatters that render them (table, json, ndjson, csv).
//
// It is a leaf: it imports nothing else from vaultguard, so the JSON contract
// lives in one place and every producer and consumer agrees on it.
package audit

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Outcome is what happened to one request, as far as the audit log tells.
type Outcome string

// Outcomes of a request. OutcomeNoResponse marks a request entry whose
// response entry was not in the log (Vault crashed, the device lost it, or
// the window ended); it is reported rather than guessed.
const (
	OutcomeAllowed    Outcome = "allowed"
	OutcomeDenied     Outcome = "denied"
	OutcomeError      Outcome = "error"
	OutcomeNoResponse Outcome = "no_response"
)

// Record is one access: a request joined with its response. Its JSON form is
// the contract of `vaultguard audit who-read` and `who-did`; keys are always
// present (empty strings, zero numbers, empty lists and objects rather than
// omitted keys) so that consumers can rely on them.
type Record struct {
	Time          time.Time `json:"time"`
	RequestID     string    `json:"request_id"`
	Operation     string    `json:"operation"`
	Path          string    `json:"path"`
	MountPoint    string    `json:"mount_point"`
	MountType     string    `json:"mount_type"`
	Outcome       Outcome   `json:"outcome"`
	Error         string    `json:"error"`
	Identity      Identity  `json:"identity"`
	Token         Token     `json:"token"`
	RemoteAddress string    `json:"remote_address"`
	RemotePort    int       `json:"remote_port"`
	UserAgent     string    `json:"user_agent"`
}

// Identity is the "who" of a record.
type Identity struct {
	DisplayName string            `json:"display_name"`
	EntityID    string            `json:"entity_id"`
	AuthMethod  string            `json:"auth_method"`
	Role        string            `json:"role"`
	Metadata    map[string]string `json:"metadata"`
	Policies    []string          `json:"policies"`
}

// Token is the "with which token" of a record: the accessor as the log holds
// it (an hmac-sha256 value unless the device has hmac_accessor=false), never
// the token itself.
type Token struct {
	Accessor string `json:"accessor"`
	Type     string `json:"type"`
	TTL      int64  `json:"ttl"`
}

// Normalize replaces nil maps and slices by empty ones so the JSON form has
// `{}` and `[]` instead of `null`.
func (r *Record) Normalize() {
	if r.Identity.Metadata == nil {
		r.Identity.Metadata = map[string]string{}
	}
	if r.Identity.Policies == nil {
		r.Identity.Policies = []string{}
	}
}

// Who is a one-line human rendering of the identity, used by the table and
// CSV formats: display name, then role and entity when they add something.
func (id Identity) Who() string {
	var parts []string
	if id.DisplayName != "" {
		parts = append(parts, id.DisplayName)
	}
	if id.Role != "" && id.Role != id.DisplayName {
		parts = append(parts, "role="+id.Role)
	}
	if len(parts) == 0 {
		if id.EntityID != "" {
			return "entity=" + id.EntityID
		}
		return "(unauthenticated)"
	}
	return strings.Join(parts, " ")
}

// MetadataString renders metadata as sorted k=v pairs for flat formats.
func (id Identity) MetadataString() string {
	keys := make([]string, 0, len(id.Metadata))
	for k := range id.Metadata {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s=%s", k, id.Metadata[k])
	}
	return b.String()
}

// Malformed is one input span that could not be decoded.
type Malformed struct {
	File   string `json:"file"`
	Line   int64  `json:"line"`
	Reason string `json:"reason"`
}

// Summary describes a run: how much was read and what went wrong. It is
// written to stderr (or as the trailer of the table format) so that machine
// formats on stdout stay pure records.
type Summary struct {
	Files          int         `json:"files"`
	Bytes          int64       `json:"bytes"`
	Lines          int64       `json:"lines"`
	Entries        int64       `json:"entries"`
	Prefiltered    int64       `json:"prefiltered"`
	Duplicates     int64       `json:"duplicates"`
	NoResponse     int64       `json:"no_response"`
	OrphanResponse int64       `json:"orphan_responses"`
	Records        int64       `json:"records"`
	Malformed      int64       `json:"malformed"`
	MalformedLines []Malformed `json:"malformed_lines"`
	Redacted       int64       `json:"redacted"`
	Elapsed        string      `json:"elapsed"`
}

// Table is one table of the access report: a title, named columns and rows
// whose cells are strings or integers.
type Table struct {
	Name    string   `json:"name"`
	Title   string   `json:"title"`
	Columns []string `json:"columns"`
	Rows    [][]any  `json:"-"`
	// Omitted counts the rows cut by --top, so a truncated table says so.
	Omitted int64 `json:"omitted"`
}

// Report is the output of `vaultguard audit report`.
type Report struct {
	Since  time.Time `json:"since"`
	Until  time.Time `json:"until"`
	First  time.Time `json:"first_entry"`
	Last   time.Time `json:"last_entry"`
	Tables []Table   `json:"tables"`
}
