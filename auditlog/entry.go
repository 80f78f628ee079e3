// Package auditlog reads HashiCorp Vault audit logs as the file, socket and
// syslog devices write them and answers the questions a responder asks:
// who read a secret, what did one identity do, what happened overall.
//
// Data flows one way: sources (files, .gz, .zst, stdin, globs, follow) are
// cut into blocks, workers frame and decode the blocks into typed entries,
// a re-orderer restores log order, and one goroutine joins requests with
// responses, filters and aggregates. Every stage is bounded.
package auditlog

import "time"

// Entry is one audit entry with the fields vaultguard uses; everything else
// in the JSON is skipped without being decoded.
type Entry struct {
	Time     time.Time
	Type     string // request, response, kmip-request, ...
	Error    string
	Auth     Auth
	Request  Request
	Response Response
	// Pos is where the entry starts in its source.
	Pos Position
}

// Position is a place in an input: file name (or "-" for stdin) and 1-based line.
type Position struct {
	File string
	Line int64
}

// Auth is the `auth` object (also used for `response.auth`).
type Auth struct {
	Present          bool
	ClientToken      string
	Accessor         string
	DisplayName      string
	EntityID         string
	Policies         []string
	TokenPolicies    []string
	IdentityPolicies []string
	Metadata         []KV
	TokenType        string
	TokenTTL         int64
	PolicyResults    PolicyResults
}

// PolicyResults is `auth.policy_results`: the ACL decision Vault logged.
type PolicyResults struct {
	Present          bool
	Allowed          bool
	GrantingPolicies []string
}

// KV is one metadata pair; a slice keeps the log's order and costs less
// than a map per entry.
type KV struct {
	Key, Value string
}

// Request is the `request` object.
type Request struct {
	ID                  string
	Operation           string
	Path                string
	MountPoint          string
	MountType           string
	MountClass          string
	NamespaceID         string
	NamespacePath       string
	RemoteAddress       string
	RemotePort          int
	ClientToken         string
	ClientTokenAccessor string
	UserAgent           string
	// PolicyOverride is request.policy_override: the client asked to
	// override a Sentinel soft-mandatory policy.
	PolicyOverride bool
	// NoParent is request.data.no_parent, the one request data value read:
	// a boolean (never HMAC'd) that makes auth/token/create issue an orphan.
	NoParent bool
}

// Response is the `response` object.
type Response struct {
	Present bool
	LeaseID string
	// DataKeys are the names of response.data's keys (and of
	// response.data.data's for KV v2 reads), never their values.
	DataKeys []string
	Auth     Auth
}

// IsRequest reports whether the entry is a request entry (`request`,
// `kmip-request`, ...).
func (e *Entry) IsRequest() bool { return hasSuffix(e.Type, "request") }

// IsResponse reports whether the entry is a response entry.
func (e *Entry) IsResponse() bool { return hasSuffix(e.Type, "response") }

func hasSuffix(s, suf string) bool {
	return len(s) >= len(suf) && s[len(s)-len(suf):] == suf
}

// Meta returns the metadata value for key, if any.
func (a *Auth) Meta(key string) string {
	for _, kv := range a.Metadata {
		if kv.Key == key {
			return kv.Value
		}
	}
	return ""
}

const errNotAudit = "JSON object without type, time or request: not an audit entry"

// looksLikeAudit rejects JSON objects that decode but are not audit
// entries (a config file or report swept up with a directory).
func (e *Entry) looksLikeAudit() bool {
	return e.Type != "" || !e.Time.IsZero() || e.Request.Path != "" || e.Request.ID != ""
}
