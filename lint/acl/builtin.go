package acl

import (
	"github.com/vaultguard/vaultguard/lint/model"
)

// defaultPaths is what Vault 1.21's built-in default policy grants
// (vault/policy_store.go), as pattern -> capabilities.
var defaultPaths = []struct {
	pattern string
	caps    []string
}{
	{"auth/token/lookup-self", []string{Read}},
	{"auth/token/renew-self", []string{Update}},
	{"auth/token/revoke-self", []string{Update}},
	{"sys/capabilities-self", []string{Update}},
	{"identity/entity/id/{{identity.entity.id}}", []string{Read}},
	{"identity/entity/name/{{identity.entity.name}}", []string{Read}},
	{"sys/internal/ui/resultant-acl", []string{Read}},
	{"sys/renew", []string{Update}},
	{"sys/leases/renew", []string{Update}},
	{"sys/leases/lookup", []string{Update}},
	{"cubbyhole/*", []string{Create, Read, Update, Delete, List}},
	{"sys/wrapping/wrap", []string{Update}},
	{"sys/wrapping/lookup", []string{Update}},
	{"sys/wrapping/unwrap", []string{Update}},
	{"sys/tools/hash", []string{Update}},
	{"sys/tools/hash/*", []string{Update}},
	{"sys/control-group/request", []string{Update}},
	{"identity/oidc/provider/+/authorize", []string{Read, Update}},
}

// BuiltinOrigin marks policies vaultguard synthesises for Vault's
// built-in ones.
const BuiltinOrigin = "builtin"

// DefaultPolicy returns Vault's built-in default policy as shipped; a
// deployment may have edited it, so prefer the real one when a source
// defines a policy named "default".
func DefaultPolicy() *model.Policy {
	p := &model.Policy{Name: "default", Origin: BuiltinOrigin}
	for _, d := range defaultPaths {
		p.Paths = append(p.Paths, &model.PathRule{Pattern: d.pattern, Capabilities: append([]string(nil), d.caps...), Written: append([]string(nil), d.caps...)})
	}
	return p
}

// RootPolicy returns the built-in root policy: a token holding it may do
// anything.
func RootPolicy() *model.Policy {
	return &model.Policy{Name: "root", Origin: BuiltinOrigin}
}
