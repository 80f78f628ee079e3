package vaulttest

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/vault/api"
)

// AppRoleRole is an AppRole role as the seed writes it to
// auth/<mount>/role/<name>. Zero durations are not written (Vault's default
// applies); SecretIDNumUses is always written, 0 meaning unlimited.
type AppRoleRole struct {
	Name            string
	TokenPolicies   []string
	TokenTTL        time.Duration
	TokenMaxTTL     time.Duration
	SecretIDTTL     time.Duration
	SecretIDNumUses int
}

// DatabaseConnection is a database secrets engine connection,
// <mount>/config/<name>.
type DatabaseConnection struct {
	Name             string
	PluginName       string
	ConnectionURL    string
	AllowedRoles     []string
	VerifyConnection bool
}

// DatabaseRole is a dynamic database role, <mount>/roles/<name>.
type DatabaseRole struct {
	Name               string
	DBName             string
	CreationStatements []string
	DefaultTTL         time.Duration
	MaxTTL             time.Duration
}

// Seed is the deployment the live-lint tests run against: one well-configured
// AppRole role and one sloppy one, a policy granting secret/*, KV v2, a
// database role on a connection that was never verified, a transit key and
// one file audit device. Mount paths are fixed, so apply it to a server of
// its own (Start), not the shared one.
type Seed struct {
	// Policies maps ACL policy name to its HCL.
	Policies map[string]string
	// AppRoleMount is the AppRole auth mount path (under auth/).
	AppRoleMount string
	// AppRoles are the roles on AppRoleMount, in the order written.
	AppRoles []AppRoleRole
	// KVMount is a KV version 2 secrets engine.
	KVMount string
	// KVSecrets are the KV v2 secret paths (relative to the mount) written,
	// holding harmless placeholder data.
	KVSecrets []string
	// DatabaseMount is the database secrets engine.
	DatabaseMount      string
	DatabaseConnection DatabaseConnection
	DatabaseRole       DatabaseRole
	// TransitMount is the transit secrets engine and TransitKey a key on it
	// (aes256-gcm96, not exportable).
	TransitMount string
	TransitKey   string
	// AuditDevice is the path of the file audit device and AuditLogPath the
	// file it writes; ApplySeed sets AuditLogPath.
	AuditDevice  string
	AuditLogPath string
}

// SeedSpec describes the seed without applying it, so tests can state what
// they expect before a server exists.
func SeedSpec() Seed {
	return Seed{
		Policies: map[string]string{
			"payments-api": `path "secret/data/payments/*" {
  capabilities = ["read"]
}

path "database/creds/payments-readonly" {
  capabilities = ["read"]
}

path "transit/encrypt/payments" {
  capabilities = ["update"]
}

path "transit/decrypt/payments" {
  capabilities = ["update"]
}
`,
			"orders-worker": `path "secret/*" {
  capabilities = ["create", "read", "update", "delete", "list"]
}
`,
		},
		AppRoleMount: "approle",
		AppRoles: []AppRoleRole{
			{
				Name:            "payments-api",
				TokenPolicies:   []string{"payments-api"},
				TokenTTL:        time.Hour,
				TokenMaxTTL:     4 * time.Hour,
				SecretIDTTL:     24 * time.Hour,
				SecretIDNumUses: 1,
			},
			{
				Name:            "orders-worker",
				TokenPolicies:   []string{"orders-worker"},
				TokenTTL:        768 * time.Hour,
				SecretIDNumUses: 0,
			},
		},
		KVMount:       "secret",
		KVSecrets:     []string{"payments/config", "orders/config"},
		DatabaseMount: "database",
		DatabaseConnection: DatabaseConnection{
			Name:       "payments-db",
			PluginName: "postgresql-database-plugin",
			// Nothing listens on port 1; with verify_connection=false Vault
			// accepts the connection without dialing it.
			ConnectionURL:    "postgresql://127.0.0.1:1/payments?sslmode=disable",
			AllowedRoles:     []string{"payments-readonly"},
			VerifyConnection: false,
		},
		DatabaseRole: DatabaseRole{
			Name:   "payments-readonly",
			DBName: "payments-db",
			CreationStatements: []string{
				`CREATE ROLE "{{name}}" WITH LOGIN PASSWORD '{{password}}' VALID UNTIL '{{expiration}}';`,
				`GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{{name}}";`,
			},
			DefaultTTL: time.Hour,
			MaxTTL:     24 * time.Hour,
		},
		TransitMount: "transit",
		TransitKey:   "payments",
		AuditDevice:  "file",
	}
}

// ApplySeed writes SeedSpec to s through the API with the root token and
// returns it with AuditLogPath set. The audit device is enabled first, so
// the audit log also records the rest of the setup.
func ApplySeed(t testing.TB, s *Server) Seed {
	t.Helper()
	sd := SeedSpec()
	sd.AuditLogPath = s.EnableFileAudit(t, sd.AuditDevice, nil)

	for _, name := range slices.Sorted(maps.Keys(sd.Policies)) {
		s.WritePolicy(t, name, sd.Policies[name])
	}

	s.EnableSecrets(t, sd.KVMount, api.MountInput{Type: "kv", Options: map[string]string{"version": "2"}})
	for _, p := range sd.KVSecrets {
		writeKV(t, s, sd.KVMount+"/data/"+p, map[string]any{
			"data": map[string]any{"owner": strings.SplitN(p, "/", 2)[0] + "-team"},
		})
	}

	s.EnableAuth(t, sd.AppRoleMount, api.EnableAuthOptions{Type: "approle"})
	for _, r := range sd.AppRoles {
		s.Write(t, "auth/"+sd.AppRoleMount+"/role/"+r.Name, r.params())
	}

	s.EnableSecrets(t, sd.DatabaseMount, api.MountInput{Type: "database"})
	c := sd.DatabaseConnection
	s.Write(t, sd.DatabaseMount+"/config/"+c.Name, map[string]any{
		"plugin_name":       c.PluginName,
		"connection_url":    c.ConnectionURL,
		"allowed_roles":     c.AllowedRoles,
		"verify_connection": c.VerifyConnection,
	})
	r := sd.DatabaseRole
	s.Write(t, sd.DatabaseMount+"/roles/"+r.Name, map[string]any{
		"db_name":             r.DBName,
		"creation_statements": r.CreationStatements,
		"default_ttl":         seconds(r.DefaultTTL),
		"max_ttl":             seconds(r.MaxTTL),
	})

	s.EnableSecrets(t, sd.TransitMount, api.MountInput{Type: "transit"})
	s.Write(t, sd.TransitMount+"/keys/"+sd.TransitKey, map[string]any{"type": "aes256-gcm96"})
	return sd
}

func (r AppRoleRole) params() map[string]any {
	p := map[string]any{
		"token_policies":     r.TokenPolicies,
		"secret_id_num_uses": r.SecretIDNumUses,
	}
	for k, d := range map[string]time.Duration{
		"token_ttl":     r.TokenTTL,
		"token_max_ttl": r.TokenMaxTTL,
		"secret_id_ttl": r.SecretIDTTL,
	} {
		if d != 0 {
			p[k] = seconds(d)
		}
	}
	return p
}

// seconds is how the seed writes durations: Vault accepts integer seconds
// or duration strings; integers avoid any doubt about "768h" parsing.
func seconds(d time.Duration) int64 { return int64(d / time.Second) }

// writeKV retries while a new KV v2 mount finishes its upgrade, during which
// Vault answers writes with an error for a short time.
func writeKV(t testing.TB, s *Server, path string, data map[string]any) {
	t.Helper()
	c := s.Root(t)
	deadline := time.Now().Add(15 * time.Second)
	for {
		_, err := c.Logical().WriteWithContext(context.Background(), path, data)
		if err == nil {
			return
		}
		var re *api.ResponseError
		upgrading := errors.As(err, &re) && strings.Contains(strings.Join(re.Errors, " "), "pgrading")
		if !upgrading || time.Now().After(deadline) {
			t.Fatalf("vaulttest: write %s: %v", path, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
