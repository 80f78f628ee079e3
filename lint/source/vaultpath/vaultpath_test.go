package vaultpath

import (
	"testing"

	"github.com/vaultguard/vaultguard/lint/model"
)

func TestClassify(t *testing.T) {
	known := map[string]string{"auth/ci": "approle", "pg": "database", "auth/corp": "ldap"}
	typeOf := func(m string) string { return known[m] }
	for path, want := range map[string]Target{
		"auth/token/roles/nomad":       {Kind: model.KindTokenRole, Mount: "token", Name: "nomad", Key: "nomad"},
		"auth/ci/role/deploy":          {Kind: model.KindApproleRole, Mount: "ci", Name: "deploy", Key: "ci/deploy"},
		"/auth/approle/role/web/":      {Kind: model.KindApproleRole, Mount: "approle", Name: "web", Key: "approle/web"},
		"auth/k8s-prod/role/web":       {Kind: model.KindAuthRole, Mount: "k8s-prod", Name: "web", Method: "kubernetes", Key: "k8s-prod/web"},
		"auth/corp/users/ann":          {Kind: model.KindAuthRole, Mount: "corp", Name: "ann", Method: "ldap", Key: "corp/ann"},
		"auth/people/users/ann":        {Kind: model.KindAuthRole, Mount: "people", Name: "ann", Method: "userpass", Key: "people/ann"},
		"sys/mounts/kv":                {Kind: model.KindMount, Mount: "kv", Name: "kv", Class: "secret", Key: "secret:kv"},
		"sys/auth/ci/tune":             {Kind: model.KindMount, Mount: "ci", Name: "ci", Class: "auth", Tune: true, Key: "auth:ci"},
		"sys/audit/file":               {Kind: model.KindAuditDevice, Mount: "file", Name: "file", Key: "file"},
		"pg/roles/ro":                  {Kind: model.KindDatabaseRole, Mount: "pg", Name: "ro", Key: "pg/ro"},
		"postgres/config/main":         {Kind: model.KindDatabaseConnection, Mount: "postgres", Name: "main", Key: "postgres/main"},
		"transit/keys/payments":        {Kind: model.KindTransitKey, Mount: "transit", Name: "payments", Key: "transit/payments"},
		"transit/keys/payments/config": {Kind: model.KindTransitKey, Mount: "transit", Name: "payments", Key: "transit/payments"},
	} {
		got, ok := Classify(path, typeOf)
		if !ok || got != want {
			t.Errorf("%s: got %+v (%v), want %+v", path, got, ok, want)
		}
	}
	for _, path := range []string{"secret/data/app", "kv/roles/x", "sys/mounts/tune", "auth/approle/login", "sys/policies/acl/x"} {
		if got, ok := Classify(path, typeOf); ok {
			t.Errorf("%s: read as %+v, want nothing", path, got)
		}
	}
}
