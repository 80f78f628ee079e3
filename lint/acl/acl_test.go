package acl_test

import (
	"slices"
	"testing"

	"github.com/vaultguard/vaultguard/lint/acl"
	"github.com/vaultguard/vaultguard/lint/model"
	"github.com/vaultguard/vaultguard/lint/source/vaultfile"
	"github.com/vaultguard/vaultguard/lint/syntax"
)

// parsePolicy reads a policy the way the linter does.
func parsePolicy(t *testing.T, name, src string) *model.Policy {
	t.Helper()
	f, perr := syntax.Parse(name+".hcl", []byte(src))
	if perr != nil {
		t.Fatalf("parse %s: %s", name, perr.Message)
	}
	p, errs := vaultfile.ReadPolicy(f, name, []byte(src), "file")
	if len(errs) > 0 {
		t.Fatalf("read %s: %s", name, errs[0].Message)
	}
	return p
}

type check struct {
	path, op string
	allowed  bool
	pattern  string // deciding pattern, "" = nothing matched
	policy   string // a policy among the deciding blocks ("" = don't care)
}

// Policies from Vault's policies documentation
// (website/content/docs/concepts/policies.mdx), with the outcomes its
// comments state.
const (
	docBroad = `
path "secret/*" {
  capabilities = ["create", "read", "update", "patch", "delete", "list"]
}
path "secret/super-secret" {
  capabilities = ["deny"]
}
path "secret/restricted" {
  capabilities = ["create"]
  allowed_parameters = {
    "foo" = []
    "bar" = ["zip", "zap"]
  }
}`
	docGlobs = `
path "secret/foo" {
  capabilities = ["read"]
}
path "secret/bar/*" {
  capabilities = ["read"]
}
path "secret/zip-*" {
  capabilities = ["read"]
}`
	docPlus = `
path "secret/+/teamb" {
  capabilities = ["read"]
}
path "secret/+/+/teamb" {
  capabilities = ["read"]
}`
)

// decideCase is a policy set and requests with their expected decisions;
// the live test replays the same cases against a real Vault.
type decideCase struct {
	name     string
	policies map[string]string
	opts     acl.Options
	checks   []check
}

var decideCases = []decideCase{
	{
		name:     "doc: a broad glob with an exact deny and an exact create",
		policies: map[string]string{"p": docBroad},
		checks: []check{
			{"secret/super-secret", "read", false, "secret/super-secret", "p"},
			{"secret/foo", "read", true, "secret/*", "p"},
			{"secret/foo/bar", "delete", true, "secret/*", "p"},
			{"secret/restricted", "create", true, "secret/restricted", "p"},
			// the exact path wins over the glob: only create is granted there
			{"secret/restricted", "read", false, "secret/restricted", "p"},
		},
	},
	{
		name:     "doc: exact path, directory glob and string-prefix glob",
		policies: map[string]string{"p": docGlobs},
		checks: []check{
			{"secret/foo", "read", true, "secret/foo", "p"},
			{"secret/food", "read", false, "", ""},
			{"secret/foo/bar", "read", false, "", ""},
			{"secret/bar/zip", "read", true, "secret/bar/*", "p"},
			{"secret/bar/zip/zap", "read", true, "secret/bar/*", "p"},
			{"secret/bars/zip", "read", false, "", ""},
			{"secret/zip-zap", "read", true, "secret/zip-*", "p"},
			{"secret/zip-zap/zong", "read", true, "secret/zip-*", "p"},
			{"secret/zip/zap", "read", false, "", ""},
			{"secret/foo", "update", false, "secret/foo", "p"},
		},
	},
	{
		name:     "doc: + matches exactly one segment",
		policies: map[string]string{"p": docPlus},
		checks: []check{
			{"secret/foo/teamb", "read", true, "secret/+/teamb", "p"},
			{"secret/foo/bar/teamb", "read", true, "secret/+/+/teamb", "p"},
			{"secret/bar/foo/teamb", "read", true, "secret/+/+/teamb", "p"},
			{"secret/teamb", "read", false, "", ""},
			{"secret/foo/teamb/x", "read", false, "", ""},
			{"secret/foo/teamc", "read", false, "", ""},
		},
	},
	{
		name:     "doc: secret/foo* also matches secret/foobar",
		policies: map[string]string{"p": `path "secret/foo*" { capabilities = ["read"] }`},
		checks: []check{
			{"secret/foobar", "read", true, "secret/foo*", "p"},
			{"secret/foo", "read", true, "secret/foo*", "p"},
			{"secret/fo", "read", false, "", ""},
		},
	},
	{
		name: "doc: secret/+/+/foo/* has lower priority than secret/* (rule 3)",
		policies: map[string]string{
			"broad":  `path "secret/*" { capabilities = ["read"] }`,
			"narrow": `path "secret/+/+/foo/*" { capabilities = ["deny"] }`,
		},
		checks: []check{
			{"secret/a/b/foo/c", "read", true, "secret/*", "broad"},
		},
	},
	{
		name: "doc: the same pattern in several policies takes the union",
		policies: map[string]string{
			"reader": `path "secret/app/*" { capabilities = ["read"] }`,
			"writer": `path "secret/app/*" { capabilities = ["update"] }`,
		},
		checks: []check{
			{"secret/app/db", "read", true, "secret/app/*", "reader"},
			{"secret/app/db", "update", true, "secret/app/*", "writer"},
			{"secret/app/db", "delete", false, "secret/app/*", ""},
		},
	},
	{
		name: "doc: different patterns: only the highest-priority match counts",
		policies: map[string]string{
			"broad": `path "secret/*" { capabilities = ["read", "update"] }`,
			"exact": `path "secret/foo" { capabilities = ["list"] }`,
		},
		checks: []check{
			{"secret/foo", "read", false, "secret/foo", "exact"},
			{"secret/foo", "list", true, "secret/foo", "exact"},
			{"secret/bar", "read", true, "secret/*", "broad"},
		},
	},
	{
		name: "doc: deny wins over every other capability, sudo included",
		policies: map[string]string{
			"admin": `path "sys/audit/*" { capabilities = ["create", "update", "sudo"] }`,
			"block": `path "sys/audit/*" { capabilities = ["deny"] }`,
		},
		checks: []check{
			{"sys/audit/file", "update", false, "sys/audit/*", "block"},
			{"sys/audit/file", "sudo", false, "sys/audit/*", "block"},
		},
	},
	{
		name: "doc: sudo is needed on root-protected paths",
		policies: map[string]string{
			"nosudo": `path "sys/audit/*" { capabilities = ["create", "update"] }
path "sys/seal" { capabilities = ["update"] }
path "sys/mounts/*" { capabilities = ["create", "update"] }`,
			"sudo": `path "sys/rotate" { capabilities = ["update", "sudo"] }`,
		},
		checks: []check{
			{"sys/audit/file", "update", false, "sys/audit/*", "nosudo"},
			{"sys/seal", "update", false, "sys/seal", "nosudo"},
			{"sys/mounts/kv", "update", true, "sys/mounts/*", "nosudo"},
			{"sys/rotate", "update", true, "sys/rotate", "sudo"},
		},
	},
	{
		name:     "doc: templated paths resolve per identity",
		policies: map[string]string{"p": `path "secret/data/{{identity.entity.id}}/*" { capabilities = ["read"] }`},
		opts:     acl.Options{Templates: map[string]string{"identity.entity.id": "e-123"}},
		checks: []check{
			{"secret/data/e-123/db", "read", true, "secret/data/e-123/*", "p"},
			{"secret/data/e-456/db", "read", false, "", ""},
		},
	},
	{
		name:     "templated paths without values match nothing",
		policies: map[string]string{"p": `path "secret/data/{{identity.entity.id}}/*" { capabilities = ["read"] }`},
		checks: []check{
			{"secret/data/e-123/db", "read", false, "", ""},
		},
	},
	// Priority examples from the comments of vault/acl.go's sort.
	{
		name: "source: foo/a* beats foo/+ (first wildcard later)",
		policies: map[string]string{
			"glob": `path "foo/a*" { capabilities = ["read"] }`,
			"plus": `path "foo/+" { capabilities = ["deny"] }`,
		},
		checks: []check{{"foo/abc", "read", true, "foo/a*", "glob"}, {"foo/xyz", "read", false, "foo/+", "plus"}},
	},
	{
		name: "source: foo/bar/+/baz beats foo/+/bar/baz",
		policies: map[string]string{
			"a": `path "foo/bar/+/baz" { capabilities = ["read"] }`,
			"b": `path "foo/+/bar/baz" { capabilities = ["deny"] }`,
		},
		checks: []check{{"foo/bar/bar/baz", "read", true, "foo/bar/+/baz", "a"}},
	},
	{
		name: "source: foo/+/bar beats foo/+/ba* (not a glob)",
		policies: map[string]string{
			"a": `path "foo/+/bar" { capabilities = ["read"] }`,
			"b": `path "foo/+/ba*" { capabilities = ["deny"] }`,
		},
		checks: []check{{"foo/x/bar", "read", true, "foo/+/bar", "a"}, {"foo/x/baz", "read", false, "foo/+/ba*", "b"}},
	},
	{
		name: "source: foo/+ beats foo/*",
		policies: map[string]string{
			"a": `path "foo/+" { capabilities = ["read"] }`,
			"b": `path "foo/*" { capabilities = ["deny"] }`,
		},
		checks: []check{{"foo/x", "read", true, "foo/+", "a"}, {"foo/x/y", "read", false, "foo/*", "b"}},
	},
	{
		name: "source: foo/bar/+/baz beats foo/+/+/baz",
		policies: map[string]string{
			"a": `path "foo/bar/+/baz" { capabilities = ["read"] }`,
			"b": `path "foo/+/+/baz" { capabilities = ["deny"] }`,
		},
		checks: []check{{"foo/bar/x/baz", "read", true, "foo/bar/+/baz", "a"}},
	},
	{
		name: "source: foo/+/bar/ba* beats foo/+/bar/b* (longer)",
		policies: map[string]string{
			"a": `path "foo/+/bar/ba*" { capabilities = ["read"] }`,
			"b": `path "foo/+/bar/b*" { capabilities = ["deny"] }`,
		},
		checks: []check{{"foo/x/bar/baz", "read", true, "foo/+/bar/ba*", "a"}, {"foo/x/bar/bz", "read", false, "foo/+/bar/b*", "b"}},
	},
	// Edge cases.
	{
		name: "a more specific allow overrides a broad deny",
		policies: map[string]string{
			"p": `path "secret/*" { capabilities = ["deny"] }
path "secret/app/config" { capabilities = ["read"] }`,
		},
		checks: []check{{"secret/app/config", "read", true, "secret/app/config", "p"}, {"secret/app/other", "read", false, "secret/*", "p"}},
	},
	{
		name: "the longest plain prefix wins among globs",
		policies: map[string]string{
			"p": `path "secret/*" { capabilities = ["read"] }
path "secret/app/*" { capabilities = ["deny"] }`,
		},
		checks: []check{{"secret/app/x", "read", false, "secret/app/*", "p"}, {"secret/other", "read", true, "secret/*", "p"}},
	},
	{
		name: "a + pattern with fewer segments shadows a deeper one (rule 3)",
		policies: map[string]string{
			"p": `path "secret/+/*" { capabilities = ["read"] }
path "secret/+/+/*" { capabilities = ["update"] }`,
		},
		checks: []check{{"secret/a/b/c", "update", false, "secret/+/*", "p"}, {"secret/a/b/c", "read", true, "secret/+/*", "p"}},
	},
	{
		name:     "secret/+/* needs a segment after the +",
		policies: map[string]string{"p": `path "secret/+/*" { capabilities = ["read"] }`},
		checks:   []check{{"secret/a", "read", false, "", ""}, {"secret/a/", "read", true, "secret/+/*", "p"}},
	},
	{
		name:     "list on a trailing slash falls back to the exact path without it",
		policies: map[string]string{"p": `path "secret/metadata/app" { capabilities = ["list"] }`},
		checks:   []check{{"secret/metadata/app/", "list", true, "secret/metadata/app", "p"}, {"secret/metadata/app/", "read", false, "", ""}},
	},
	{
		name:     "a lone + matches one segment only",
		policies: map[string]string{"p": `path "+" { capabilities = ["read"] }`},
		checks:   []check{{"sys", "read", true, "+", "p"}, {"sys/health", "read", false, "", ""}},
	},
	{
		name:     "a * inside a path is a literal character",
		policies: map[string]string{"p": `path "secret/*/config" { capabilities = ["read"] }`},
		checks:   []check{{"secret/app/config", "read", false, "", ""}, {"secret/*/config", "read", true, "secret/*/config", "p"}},
	},
	{
		name:     "a leading slash in the pattern is ignored",
		policies: map[string]string{"p": `path "/secret/app" { capabilities = ["read"] }`},
		checks:   []check{{"secret/app", "read", true, "secret/app", "p"}, {"/secret/app", "read", true, "secret/app", "p"}},
	},
	{
		name:     "legacy policy = \"write\" maps to capabilities",
		policies: map[string]string{"p": `path "secret/app" { policy = "write" }`},
		checks:   []check{{"secret/app", "delete", true, "secret/app", "p"}, {"secret/app", "sudo", false, "secret/app", "p"}},
	},
	{
		name:     "revoke, renew and rollback need update",
		policies: map[string]string{"p": `path "sys/leases/revoke" { capabilities = ["update"] }`},
		checks:   []check{{"sys/leases/revoke", "revoke", true, "sys/leases/revoke", "p"}},
	},
	{
		name:     "the root policy allows everything",
		policies: map[string]string{"root": `path "unused" { capabilities = ["deny"] }`},
		checks:   []check{{"sys/raw/core", "delete", true, "", "root"}},
	},
}

func TestDecide(t *testing.T) {
	for _, tc := range decideCases {
		t.Run(tc.name, func(t *testing.T) {
			var ps []*model.Policy
			for _, name := range sortedKeys(tc.policies) {
				ps = append(ps, parsePolicy(t, name, tc.policies[name]))
			}
			e := acl.New(ps, tc.opts)
			for _, c := range tc.checks {
				d := e.Decide(c.path, c.op)
				if d.Allowed != c.allowed || d.Pattern != c.pattern {
					t.Errorf("%s %s: allowed=%v pattern=%q (%s), want allowed=%v pattern=%q", c.op, c.path, d.Allowed, d.Pattern, d.Reason, c.allowed, c.pattern)
				}
				if c.policy != "" && !slices.ContainsFunc(d.Deciding, func(b acl.Block) bool { return b.Policy.Name == c.policy }) {
					t.Errorf("%s %s: deciding blocks %v do not include policy %q", c.op, c.path, d.Deciding, c.policy)
				}
			}
		})
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func TestLessDocumentedOrder(t *testing.T) {
	// Each pair is (lower, higher) priority.
	pairs := [][2]string{
		{"secret/+/+/foo/*", "secret/*"}, // policies doc example
		{"foo/+", "foo/a*"},
		{"foo/+/bar/baz", "foo/bar/+/baz"},
		{"foo/+/ba*", "foo/+/bar"},
		{"foo/*", "foo/+"},
		{"foo/+/+/baz", "foo/bar/+/baz"},
		{"foo/+/bar/b*", "foo/+/bar/ba*"},
		{"a/+/+/*", "a/+/*"},
	}
	for _, p := range pairs {
		if !acl.Less(p[0], p[1]) || acl.Less(p[1], p[0]) {
			t.Errorf("want %q lower than %q", p[0], p[1])
		}
	}
}

func TestCapabilities(t *testing.T) {
	p := parsePolicy(t, "p", docBroad)
	e := acl.New([]*model.Policy{p}, acl.Options{})
	for path, want := range map[string][]string{
		"secret/foo":          {"read", "list", "update", "delete", "create", "patch"},
		"secret/super-secret": {"deny"},
		"sys/mounts":          {"deny"},
	} {
		if got := e.Capabilities(path); !slices.Equal(got, want) {
			t.Errorf("Capabilities(%q) = %v, want %v", path, got, want)
		}
	}
	if got := acl.New([]*model.Policy{acl.RootPolicy()}, acl.Options{}).Capabilities("x"); !slices.Equal(got, []string{"root"}) {
		t.Errorf("root: %v", got)
	}
}

func TestDefaultPolicy(t *testing.T) {
	e := acl.New([]*model.Policy{acl.DefaultPolicy()}, acl.Options{Templates: map[string]string{"identity.entity.id": "abc"}})
	for _, c := range []check{
		{"auth/token/lookup-self", "read", true, "auth/token/lookup-self", "default"},
		{"cubbyhole/notes", "create", true, "cubbyhole/*", "default"},
		{"identity/entity/id/abc", "read", true, "identity/entity/id/abc", "default"},
		{"identity/oidc/provider/p1/authorize", "update", true, "identity/oidc/provider/+/authorize", "default"},
		{"secret/data/x", "read", false, "", ""},
	} {
		d := e.Decide(c.path, c.op)
		if d.Allowed != c.allowed || d.Pattern != c.pattern {
			t.Errorf("%s %s: allowed=%v pattern=%q, want %v %q", c.op, c.path, d.Allowed, d.Pattern, c.allowed, c.pattern)
		}
	}
}

func TestKVv2Path(t *testing.T) {
	for _, c := range []struct{ mount, path, op, want string }{
		{"secret/", "secret/payments/stripe", "read", "secret/data/payments/stripe"},
		{"secret", "secret/payments", "list", "secret/metadata/payments"},
		{"secret/", "secret/data/payments/stripe", "read", "secret/data/payments/stripe"},
		{"secret/", "kv/payments", "read", "kv/payments"},
	} {
		if got := acl.KVv2Path(c.mount, c.path, c.op); got != c.want {
			t.Errorf("KVv2Path(%q, %q, %q) = %q, want %q", c.mount, c.path, c.op, got, c.want)
		}
	}
}

func TestRootProtected(t *testing.T) {
	for path, want := range map[string]bool{
		"sys/audit":                    true,
		"sys/audit/file":               true,
		"sys/auth/userpass":            true,
		"sys/auth":                     false,
		"sys/raw/core/keyring":         true,
		"sys/seal":                     true,
		"sys/mounts/kv":                false,
		"auth/token/revoke-orphan":     true,
		"auth/token/accessors/":        true,
		"auth/token/accessors":         true,
		"sys/leases/revoke-prefix/aws": true,
		"secret/data/x":                false,
	} {
		if got := acl.RootProtected(path); got != want {
			t.Errorf("RootProtected(%q) = %v, want %v", path, got, want)
		}
	}
}
