// Package detect evaluates streaming detectors over joined Vault audit
// requests and raises alerts: root token use, audit and policy changes,
// mounts and auth roles, sys/raw, transit key changes, mass lease
// revocation, permission-denied and login-failure bursts, read fan-out,
// first-seen source addresses and secrets, off-hours human logins and
// long-lived or orphan tokens.
//
// Every detector keeps bounded state: counting windows evict by time and
// are capped in keys (evictions are counted), and learning state lives in a
// Store that is itself bounded.
package detect

import (
	"slices"
	"strings"

	"github.com/vaultguard/vaultguard/auditlog"
	report "github.com/vaultguard/vaultguard/report/audit"
)

// Event is one joined, redacted request with what the detectors need
// beyond the output record: whether it is a login and the token it issued.
type Event struct {
	report.Record
	// Logical is the secret's logical path (KV v2 data/metadata folded).
	Logical string
	// Login is true for a login request to an auth mount.
	Login bool
	// Issued describes the token the response handed out (login or token
	// creation), if any.
	Issued *Issued
	// PolicyOverride and NoParent are the request's policy_override and
	// data.no_parent (an orphan token requested from auth/token/create).
	PolicyOverride bool
	NoParent       bool
}

// Issued is the response.auth of a request that created a token.
type Issued struct {
	TTL      int64
	Policies []string
	Type     string
}

// FromJoined builds an Event from a joined request. The record goes
// through red, so no raw token leaves.
func FromJoined(j *auditlog.Joined, red *auditlog.Redactor) Event {
	m := j.Main()
	ev := Event{Record: auditlog.ToRecord(j, red), Logical: red.String(auditlog.LogicalPath(&m.Request))}
	r := &m.Request
	ev.PolicyOverride, ev.NoParent = r.PolicyOverride, r.NoParent
	ev.Login = strings.HasPrefix(r.Path, "auth/") && r.MountType != "token" &&
		(strings.HasSuffix(r.Path, "/login") || strings.Contains(r.Path, "/login/"))
	if a := &m.Response.Auth; a.Present {
		pol := a.Policies
		if len(pol) == 0 {
			pol = a.TokenPolicies
		}
		ev.Issued = &Issued{TTL: a.TokenTTL, Policies: slices.Clone(pol), Type: a.TokenType}
	}
	return ev
}

// Who is the identity key of an event: entity id, else display name,
// else token accessor; "" for an unauthenticated request.
func (ev *Event) Who() string {
	switch {
	case ev.Identity.EntityID != "":
		return "entity:" + ev.Identity.EntityID
	case ev.Identity.DisplayName != "":
		return "name:" + ev.Identity.DisplayName
	case ev.Token.Accessor != "":
		return "accessor:" + ev.Token.Accessor
	}
	return ""
}

// WhoLabel is Who for people: display name, with the entity id.
func (ev *Event) WhoLabel() string {
	id := ev.Identity
	switch {
	case id.DisplayName != "" && id.EntityID != "":
		return id.DisplayName + " (entity " + id.EntityID + ")"
	case id.DisplayName != "":
		return id.DisplayName
	case id.EntityID != "":
		return "entity " + id.EntityID
	case ev.Token.Accessor != "":
		return "token accessor " + ev.Token.Accessor
	}
	return "an unauthenticated caller"
}

// isRoot reports whether the caller's token carries the root policy.
func (ev *Event) isRoot() bool {
	return slices.Contains(ev.Identity.Policies, "root") || (ev.Identity.DisplayName == "root" && ev.Identity.AuthMethod == "token")
}

func (ev *Event) write() bool {
	switch ev.Operation {
	case "create", "update", "delete", "patch":
		return true
	}
	return false
}
