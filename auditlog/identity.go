package auditlog

import (
	"strings"

	report "github.com/vaultguard/vaultguard/report/audit"
)

// knownAuthMethods are Vault's built-in auth method types. A token's
// display_name is "<mount path>-<name>" and mount paths default to the
// method's type, so the prefix usually names the method.
var knownAuthMethods = map[string]bool{
	"alicloud": true, "approle": true, "aws": true, "azure": true, "cert": true, "cf": true,
	"gcp": true, "github": true, "jwt": true, "kerberos": true, "kubernetes": true, "ldap": true,
	"oci": true, "oidc": true, "okta": true, "radius": true, "saml": true, "scep": true,
	"spiffe": true, "token": true, "userpass": true,
}

// roleKeys are the metadata keys that name a role, most specific first:
// AppRole role_name, JWT/OIDC and cloud methods' role, Kubernetes service
// account, then an email as the last resort for OIDC users.
var roleKeys = []string{"role_name", "role", "service_account_name", "email"}

// authOf picks the auth block that describes the caller: the entry's auth,
// or for a login response the auth of the token it issued.
func authOf(e *Entry) *Auth {
	if e.Auth.DisplayName != "" || e.Auth.EntityID != "" || e.Auth.Accessor != "" {
		return &e.Auth
	}
	if e.Response.Auth.Present {
		return &e.Response.Auth
	}
	return &e.Auth
}

// isLogin reports whether a request is a login to an auth mount.
func isLogin(r *Request) bool {
	return strings.HasPrefix(r.Path, "auth/") && (r.MountClass == "auth" || r.MountClass == "") &&
		r.MountType != "token" && (strings.HasSuffix(r.Path, "/login") || strings.Contains(r.Path, "/login/"))
}

// AuthMethod derives the auth method behind a token.
func AuthMethod(e *Entry) string {
	a := authOf(e)
	if isLogin(&e.Request) && e.Request.MountType != "" {
		return e.Request.MountType
	}
	dn := a.DisplayName
	switch {
	case dn == "":
		return ""
	case dn == "root" || strings.HasPrefix(dn, "token"):
		return "token"
	case knownAuthMethods[dn]:
		return dn
	}
	if i := strings.IndexByte(dn, '-'); i > 0 {
		return dn[:i]
	}
	return ""
}

// Identify builds the "who" of an entry.
func Identify(e *Entry) report.Identity {
	a := authOf(e)
	id := report.Identity{
		DisplayName: a.DisplayName,
		EntityID:    a.EntityID,
		AuthMethod:  AuthMethod(e),
		Policies:    a.Policies,
	}
	if len(id.Policies) == 0 {
		id.Policies = a.TokenPolicies
	}
	if len(a.Metadata) > 0 {
		id.Metadata = make(map[string]string, len(a.Metadata))
		for _, kv := range a.Metadata {
			id.Metadata[kv.Key] = kv.Value
		}
	}
	for _, k := range roleKeys {
		if v := a.Meta(k); v != "" {
			if k == "service_account_name" {
				if ns := a.Meta("service_account_namespace"); ns != "" {
					v = ns + "/" + v
				}
			}
			id.Role = v
			break
		}
	}
	return id
}

// TokenOf builds the "with which token" of an entry: the accessor as logged.
func TokenOf(e *Entry) report.Token {
	a := authOf(e)
	acc := a.Accessor
	if acc == "" {
		acc = e.Request.ClientTokenAccessor
	}
	return report.Token{Accessor: acc, Type: a.TokenType, TTL: a.TokenTTL}
}

// OutcomeOf decides allowed, denied or error from the error text and the
// logged ACL decision; a request without response and without error is
// no_response.
func OutcomeOf(j *Joined) (report.Outcome, string) {
	m := j.Main()
	errText := m.Error
	if errText == "" && j.Req != nil {
		errText = j.Req.Error
	}
	switch {
	case strings.Contains(errText, "permission denied"):
		return report.OutcomeDenied, errText
	case errText != "":
		return report.OutcomeError, errText
	case m.Auth.PolicyResults.Present && !m.Auth.PolicyResults.Allowed:
		return report.OutcomeDenied, errText
	case j.Resp == nil:
		return report.OutcomeNoResponse, ""
	}
	return report.OutcomeAllowed, ""
}

// ToRecord turns a joined request into the output record, through the
// redactor so that no raw secret leaves.
func ToRecord(j *Joined, red *Redactor) report.Record {
	m := j.Main()
	out, errText := OutcomeOf(j)
	r := report.Record{
		Time:          j.Time().UTC(),
		RequestID:     m.Request.ID,
		Operation:     m.Request.Operation,
		Path:          m.Request.Path,
		MountPoint:    m.Request.MountPoint,
		MountType:     m.Request.MountType,
		Outcome:       out,
		Error:         errText,
		Identity:      Identify(m),
		Token:         TokenOf(m),
		RemoteAddress: m.Request.RemoteAddress,
		RemotePort:    m.Request.RemotePort,
		UserAgent:     m.Request.UserAgent,
	}
	if r.RemoteAddress == "" && j.Req != nil {
		r.RemoteAddress, r.RemotePort = j.Req.Request.RemoteAddress, j.Req.Request.RemotePort
	}
	red.Record(&r)
	r.Normalize()
	return r
}
