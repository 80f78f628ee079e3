package acl

import "strings"

// rootPaths are the root-protected endpoints of Vault 1.21: the system
// backend's PathsSpecial.Root list (vault/logical_system.go), the token
// store's (vault/token_store.go) and the PKI engine's at its usual mount.
// A trailing "*" is a prefix, as in the framework's PathsSpecial.
var rootPaths = []string{
	"sys/auth/*",
	"sys/remount",
	"sys/audit",
	"sys/audit/*",
	"sys/raw",
	"sys/raw/*",
	"sys/replication/primary/secondary-token",
	"sys/replication/performance/primary/secondary-token",
	"sys/replication/dr/primary/secondary-token",
	"sys/replication/reindex",
	"sys/replication/dr/reindex",
	"sys/replication/performance/reindex",
	"sys/rotate",
	"sys/config/cors",
	"sys/config/auditing/*",
	"sys/config/ui/headers/*",
	"sys/plugins/catalog/*",
	"sys/plugins/runtimes/catalog/*",
	"sys/revoke-prefix/*",
	"sys/revoke-force/*",
	"sys/leases/revoke-prefix/*",
	"sys/leases/revoke-force/*",
	"sys/leases/lookup/*",
	"sys/storage/raft/snapshot-auto/config/*",
	"sys/leases",
	"sys/internal/inspect/*",
	"sys/internal/counters/activity/export",
	"sys/seal",
	"sys/step-down",
	"auth/token/revoke-orphan",
	"auth/token/accessors/",
	// A LIST of auth/token/accessors is checked against a policy on the
	// path without its trailing slash, and still needs sudo.
	"auth/token/accessors",
	"pki/root",
	"pki/root/sign-self-issued",
}

// RootPaths returns the root-protected endpoint patterns ("*" = prefix).
func RootPaths() []string { return append([]string(nil), rootPaths...) }

// RootProtected reports whether a request path needs sudo.
func RootProtected(path string) bool {
	path = strings.TrimPrefix(path, "/")
	for _, p := range rootPaths {
		if strings.HasSuffix(p, "*") {
			if strings.HasPrefix(path, strings.TrimSuffix(p, "*")) {
				return true
			}
		} else if path == p {
			return true
		}
	}
	return false
}
