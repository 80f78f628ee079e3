package model

// The object kinds below are what the Terraform, script and deploy adapters
// produce. Attribute names are Vault's own API field names (the ones `vault
// write` takes and the Terraform provider mirrors), so that one rule checks
// a role whether it came from `vault_approle_auth_backend_role`, a `vault
// write auth/approle/role/NAME ...` line or a live Vault. Values keep their
// source form; Bool, Seconds and Strings read them as Vault does, and the
// Rego encoding adds `bool` and `seconds` readings beside `value`.
//
// Every object carries Meta keys (emitted to Rego with a leading
// underscore):
//
//	origin   where it was read: terraform, script, markdown, compose,
//	         kubernetes, helm, dockerfile, systemd
//	mount    the mount path it lives under ("approle", "database"), when known
//	dir      the directory of the file (a Terraform root module)
//	resource the Terraform resource address (vault_mount.db), when any
const (
	// KindApproleRole is an AppRole role (auth/<mount>/role/<name>).
	// Attributes: bind_secret_id, secret_id_num_uses (Vault's default 0
	// means unlimited), secret_id_ttl (default 0: never expires),
	// secret_id_bound_cidrs, token_policies (or legacy policies),
	// token_ttl, token_max_ttl, token_period, token_explicit_max_ttl,
	// token_num_uses, token_bound_cidrs, token_type, token_no_default_policy.
	KindApproleRole = "approle_role"

	// KindTokenRole is a token-store role (auth/token/roles/<name>).
	// Attributes: allowed_policies, disallowed_policies,
	// allowed_policies_glob, orphan, renewable, token_period,
	// token_explicit_max_ttl, token_ttl, token_max_ttl, token_type.
	KindTokenRole = "token_role"

	// KindAuthRole is a role or user of any other auth method: kubernetes,
	// jwt/oidc, userpass, ldap, cert, aws, gcp... Meta "method" names the
	// method ("kubernetes", "jwt", "userpass", "" when unknown).
	// Attributes: the token_* fields shared by every method (token_ttl,
	// token_max_ttl, token_period, token_explicit_max_ttl, token_policies,
	// policies) plus the method's own (bound_service_account_names,
	// bound_claims, bound_audiences, password...).
	KindAuthRole = "auth_role"

	// KindToken is a token created directly: `vault token create`, the
	// Terraform vault_token resource. Attributes: policies, ttl,
	// explicit_max_ttl, period, orphan (no_parent), no_default_policy,
	// num_uses, role_name.
	KindToken = "token"

	// KindDatabaseConnection is a database secrets engine connection
	// (<mount>/config/<name>). Attributes: plugin_name, connection_url,
	// username, password, allowed_roles, verify_connection; Terraform's
	// per-engine blocks are flattened onto the object.
	KindDatabaseConnection = "database_connection"

	// KindDatabaseRole is a dynamic database role (<mount>/roles/<name>).
	// Attributes: db_name, creation_statements (a list: Vault's
	// TypeStringSlice does not split on commas), revocation_statements,
	// default_ttl, max_ttl.
	KindDatabaseRole = "database_role"

	// KindAuditDevice is an audit device (`vault audit enable`,
	// vault_audit). Attributes: type, path, and the device options flattened
	// onto the object (log_raw, hmac_accessor, file_path, prefix, format,
	// elide_list_responses). Meta "action" is "disable" for `vault audit
	// disable PATH` (then "path" is the only attribute).
	KindAuditDevice = "audit_device"

	// KindMount is a secrets engine or auth method mount. Meta "class" is
	// "secret" or "auth". Attributes: type, path, default_lease_ttl,
	// max_lease_ttl (its tune TTLs), listing_visibility,
	// audit_non_hmac_request_keys, audit_non_hmac_response_keys.
	KindMount = "mount"

	// KindTransitKey is a transit key (<mount>/keys/<name> and its
	// /config). Attributes: type, exportable, allow_plaintext_backup,
	// deletion_allowed, auto_rotate_period, min_decryption_version.
	KindTransitKey = "transit_key"

	// KindProvider is a client's settings: how a Vault client (the CLI,
	// the Terraform provider) reaches and authenticates to Vault.
	// Attributes: address (VAULT_ADDR, -address), skip_tls_verify
	// (VAULT_SKIP_VERIFY, -tls-skip-verify), token (VAULT_TOKEN, `vault
	// login TOKEN`, the provider's token). Meta "via" says where the token
	// came from: "env", "argv" (a command-line argument, visible in ps and
	// shell history) or "config".
	KindProvider = "provider"

	// KindServerCommand is how a Vault server is started: `vault server`
	// in a script, a compose command, a Kubernetes container, a Dockerfile
	// CMD, a systemd ExecStart, or the environment of such a container.
	// Attributes: dev (the -dev flag, or Helm's server.dev.enabled),
	// dev_root_token_id (-dev-root-token-id or VAULT_DEV_ROOT_TOKEN_ID),
	// dev_listen_address (-dev-listen-address or VAULT_DEV_LISTEN_ADDRESS),
	// dev_tls, config (-config).
	KindServerCommand = "server_command"

	// KindVaultCommand is a `vault write` or `vault kv put` whose path maps
	// onto no other kind, kept for rules about the command line itself
	// (secrets passed as arguments). Name is the path; Meta "command" the
	// subcommand; attributes are the key=value arguments.
	KindVaultCommand = "vault_command"
)

// CommaListFields are the fields Vault declares as comma-separated string
// slices (framework.TypeCommaStringSlice): "a,b" and ["a","b"] are the same
// list. Adapters normalise these to []string; other list fields
// (creation_statements, a TypeStringSlice) are never split on commas.
var CommaListFields = map[string]bool{
	"token_policies":                   true,
	"policies":                         true,
	"allowed_policies":                 true,
	"disallowed_policies":              true,
	"allowed_policies_glob":            true,
	"disallowed_policies_glob":         true,
	"token_bound_cidrs":                true,
	"secret_id_bound_cidrs":            true,
	"bound_service_account_names":      true,
	"bound_service_account_namespaces": true,
	"bound_audiences":                  true,
	"allowed_roles":                    true,
	"audit_non_hmac_request_keys":      true,
	"audit_non_hmac_response_keys":     true,
}

// StatementFields are the database role fields Vault reads as a list of
// SQL statements (TypeStringSlice): a single string is one statement list
// element, never split on commas.
var StatementFields = map[string]bool{
	"creation_statements":   true,
	"revocation_statements": true,
	"rollback_statements":   true,
	"renew_statements":      true,
}

// NormaliseList turns a known attribute of a list-valued field into the
// list Vault would store: comma lists are split, statement lists wrapped.
// Other attributes are returned unchanged.
func NormaliseList(field string, a *Attr) *Attr {
	if a == nil || !a.Known {
		return a
	}
	switch {
	case CommaListFields[field]:
		if list, ok := Strings(a.Value); ok {
			out := *a
			out.Value = list
			return &out
		}
	case StatementFields[field]:
		if s, ok := a.Value.(string); ok {
			out := *a
			out.Value = []string{s}
			return &out
		}
	}
	return a
}
