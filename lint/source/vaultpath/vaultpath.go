// Package vaultpath says what a write to a Vault API path configures: an
// AppRole or other auth role, a token role, a mount, an audit device, a
// database connection or role, a transit key. The script adapter (`vault
// write PATH k=v`) and the Terraform adapter (vault_generic_endpoint) route
// writes through it, so both read a path the same way.
package vaultpath

import (
	"strings"

	"github.com/vaultguard/vaultguard/lint/model"
)

// Target is what a write path configures.
type Target struct {
	Kind string // a model kind
	// Mount is the mount path the object lives under ("approle",
	// "database"), or for a mount itself its own path.
	Mount string
	Name  string
	// Method is an auth_role's method ("kubernetes", "" when unknown).
	Method string
	// Class is a mount's "secret" or "auth".
	Class string
	// Tune is set for sys/mounts/PATH/tune and sys/auth/PATH/tune.
	Tune bool
	// Key identifies the object across writes (several writes to one
	// role merge), unique within its kind.
	Key string
}

// TypeOf returns the type of the mount at a path ("auth/approle",
// "database"), or "" when it is not known.
type TypeOf func(mount string) string

// Classify reads a write path. typeOf tells mount types the caller knows
// (from `vault secrets enable`, vault_mount...); GuessType fills in the
// rest from the mount's name. ok is false for a path the model has no
// kind for.
func Classify(path string, typeOf TypeOf) (t Target, ok bool) {
	kind := func(mount string) string {
		if typ := typeOf(mount); typ != "" {
			return typ
		}
		return GuessType(strings.TrimPrefix(mount, "auth/"))
	}
	segs := strings.Split(strings.Trim(path, "/"), "/")
	n := len(segs)
	join := func(s []string) string { return strings.Join(s, "/") }
	switch {
	case n == 4 && segs[0] == "auth" && segs[1] == "token" && segs[2] == "roles":
		return Target{Kind: model.KindTokenRole, Mount: "token", Name: segs[3], Key: segs[3]}, true
	case n >= 4 && segs[0] == "auth" && (segs[n-2] == "role" || segs[n-2] == "users"):
		mount := join(segs[1 : n-2])
		method := kind("auth/" + mount)
		if segs[n-2] == "users" && method == "" {
			method = "userpass"
		}
		t := Target{Kind: model.KindAuthRole, Mount: mount, Name: segs[n-1], Method: method, Key: mount + "/" + segs[n-1]}
		if method == "approle" {
			t.Kind, t.Method = model.KindApproleRole, ""
		}
		return t, true
	case n >= 3 && segs[0] == "sys" && (segs[1] == "mounts" || segs[1] == "auth"):
		class := map[string]string{"mounts": "secret", "auth": "auth"}[segs[1]]
		tune := segs[n-1] == "tune"
		end := n
		if tune {
			end--
		}
		mpath := join(segs[2:end])
		if mpath == "" {
			return Target{}, false
		}
		return Target{Kind: model.KindMount, Mount: mpath, Name: mpath, Class: class, Tune: tune, Key: class + ":" + mpath}, true
	case n >= 3 && segs[0] == "sys" && segs[1] == "audit":
		mpath := join(segs[2:])
		return Target{Kind: model.KindAuditDevice, Mount: mpath, Name: mpath, Key: mpath}, true
	case n >= 3 && segs[n-2] == "config" && kind(join(segs[:n-2])) == "database":
		mount := join(segs[:n-2])
		return Target{Kind: model.KindDatabaseConnection, Mount: mount, Name: segs[n-1], Key: mount + "/" + segs[n-1]}, true
	case n >= 3 && segs[n-2] == "roles" && kind(join(segs[:n-2])) == "database":
		mount := join(segs[:n-2])
		return Target{Kind: model.KindDatabaseRole, Mount: mount, Name: segs[n-1], Key: mount + "/" + segs[n-1]}, true
	case n >= 3 && segs[n-2] == "keys" && kind(join(segs[:n-2])) == "transit":
		mount := join(segs[:n-2])
		return Target{Kind: model.KindTransitKey, Mount: mount, Name: segs[n-1], Key: mount + "/" + segs[n-1]}, true
	case n >= 4 && segs[n-1] == "config" && segs[n-3] == "keys" && kind(join(segs[:n-3])) == "transit":
		mount := join(segs[:n-3])
		return Target{Kind: model.KindTransitKey, Mount: mount, Name: segs[n-2], Key: mount + "/" + segs[n-2]}, true
	}
	return Target{}, false
}

// methodNames are auth methods and secrets engines recognised from a
// mount's name when nothing says how it was enabled.
var methodNames = []string{"approle", "kubernetes", "userpass", "ldap", "oidc", "jwt", "cert", "aws", "gcp", "azure", "github", "okta", "radius", "token", "database", "transit"}

// GuessType guesses a mount's type from its name: "approle",
// "approle-ci", "k8s", "postgres"... ("" when the name says nothing).
func GuessType(mount string) string {
	last := mount
	if i := strings.LastIndexByte(mount, '/'); i >= 0 {
		last = mount[i+1:]
	}
	for _, m := range methodNames {
		if last == m || strings.HasPrefix(last, m+"-") || strings.HasSuffix(last, "-"+m) || strings.HasPrefix(last, m+"_") {
			return m
		}
	}
	switch {
	case last == "k8s" || strings.HasPrefix(last, "k8s-") || strings.HasSuffix(last, "-k8s") || strings.Contains(last, "kubernetes"):
		return "kubernetes"
	case last == "db" || strings.Contains(last, "postgres") || strings.Contains(last, "mysql") || strings.Contains(last, "database"):
		return "database"
	}
	return ""
}
