package detect

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"time"

	report "github.com/vaultguard/vaultguard/report/audit"
)

// Severity ranks alerts.
type Severity string

// Severities, lowest first.
const (
	Low      Severity = "low"
	Medium   Severity = "medium"
	High     Severity = "high"
	Critical Severity = "critical"
)

// Detector describes one detector: what it finds, why it matters, what to
// check next.
type Detector struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Severity Severity `json:"severity"`
	Title    string   `json:"title"`
	// Next says what a responder checks next.
	Next string `json:"next"`
}

// Alert is one detection. Event is the request that raised it (redacted).
type Alert struct {
	ID          string         `json:"id"`
	Name        string         `json:"name"`
	Severity    Severity       `json:"severity"`
	Time        time.Time      `json:"time"`
	Title       string         `json:"title"`
	Description string         `json:"description"`
	Next        string         `json:"next"`
	Key         string         `json:"key"`
	Count       int            `json:"count,omitempty"`
	Window      string         `json:"window,omitempty"`
	Event       *report.Record `json:"event"`
}

// Catalog is every detector, in id order.
var Catalog = []Detector{
	{"VG-ALERT-001", "root_token_used", Critical, "Root token used or generated",
		"Root tokens should exist only during break-glass: find who holds it (display name, source address), what it did since, and revoke it (vault token revoke) once done."},
	{"VG-ALERT-002", "audit_device_changed", Critical, "Audit device enabled, disabled or changed",
		"Disabling or re-pointing an audit device hides what follows: confirm the change was planned, compare vault audit list with the expected devices, and read the other devices' logs for this window."},
	{"VG-ALERT-003", "acl_policy_changed", High, "ACL policy written or deleted",
		"Diff the policy against version control (vault policy read NAME) and list the tokens and entities that carry it; an attempt that was denied shows someone probing for privilege."},
	{"VG-ALERT-004", "mount_changed", Medium, "Auth method or secrets engine enabled, disabled or tuned",
		"Check the change against the change log; a new auth method is a new way in, a disabled secrets engine deletes its data, a tune can lengthen TTLs."},
	{"VG-ALERT-005", "auth_role_changed", Medium, "Auth role created, changed or deleted",
		"Read the role (bound claims, CIDRs, policies, TTLs) and compare with version control; a widened role is a quiet way to grant access."},
	{"VG-ALERT-006", "sys_raw_used", Critical, "sys/raw accessed",
		"sys/raw reads and writes Vault's storage under the barrier, bypassing policies and audit of the objects touched: find who enabled raw_storage_endpoint and why."},
	{"VG-ALERT-007", "transit_key_changed", High, "Transit key deleted, exported or its config changed",
		"Read transit/keys/NAME: deletion_allowed=true or exportable=true on a key that protects data is a step towards destroying or exfiltrating it."},
	{"VG-ALERT-008", "mass_lease_revocation", High, "Mass lease revocation",
		"revoke-prefix and revoke-force cut every credential under a prefix; confirm an incident or a migration required it, and watch for applications failing."},
	{"VG-ALERT-009", "denied_burst_identity", Medium, "Burst of permission-denied requests from one identity",
		"List what the identity tried (vaultguard audit who-did) and whether a policy change or a stolen token explains it."},
	{"VG-ALERT-010", "denied_burst_address", Medium, "Burst of permission-denied requests from one source address",
		"Find which host owns the address and which tokens it used; many identities failing from one host suggests token guessing."},
	{"VG-ALERT-011", "denied_burst_path", Medium, "Burst of permission-denied requests on one path",
		"Many denials on one path is enumeration or a misconfigured client: list the callers (vaultguard audit who-read PATH --op all)."},
	{"VG-ALERT-012", "read_fanout", High, "One token read many distinct secrets",
		"A token reading far more secrets than usual is how exfiltration looks: list what it read (who-did ACCESSOR) and revoke it if unexpected."},
	{"VG-ALERT-013", "new_source_address", Medium, "Identity used from a source address not seen during learning",
		"Confirm the identity's owner moved or scaled; an identity's token used from a new subnet is a classic sign of a leaked token."},
	{"VG-ALERT-014", "off_hours_login", Low, "Human login outside business hours",
		"Ask the person; check the source address and what the session did afterwards."},
	{"VG-ALERT-015", "token_long_ttl_or_orphan", Medium, "Token created with a long TTL, as an orphan, or with root policy",
		"Long-lived and orphan tokens outlive their parents and revocation trees: look up the token's accessor, its policies and its creator."},
	{"VG-ALERT-016", "login_failure_burst", Medium, "Burst of failed logins from one source address",
		"Password spraying or a broken client: check the usernames or roles tried and the host owning the address."},
	{"VG-ALERT-017", "first_secret_read", Low, "Identity read a secret it never read before",
		"After the learning period a first read is either a new duty or a wider scope being used: confirm with the owner of the secret."},
	{"VG-ALERT-018", "policy_override_used", Medium, "Request overrode a Sentinel soft-mandatory policy",
		"policy_override lets a client pass a soft-mandatory Sentinel check that failed: confirm the identity is allowed to override and why it needed to."},
}

func detector(name string) Detector {
	for _, d := range Catalog {
		if d.Name == name {
			return d
		}
	}
	panic("detect: unknown detector " + name)
}

// Stats counts what the engine did.
type Stats struct {
	Events    int64            `json:"events"`
	Alerts    map[string]int64 `json:"alerts"`
	Evicted   int64            `json:"evicted_keys"`
	StoreErrs int64            `json:"store_errors"`
}

// Engine runs the detectors over events fed in log order from one
// goroutine.
type Engine struct {
	cfg      Config
	store    Store
	disabled map[string]bool
	loc      *time.Location

	deniedID, deniedAddr, deniedPath, loginFail *burst
	fanout                                      *distinct
	// Stats is updated as events are observed.
	Stats Stats
}

// New returns an Engine; store holds learning state (a MemStore when nil).
func New(cfg Config, store Store) (*Engine, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if store == nil {
		store = NewMemStore(cfg.MaxKeys)
	}
	loc, _ := time.LoadLocation(cfg.BusinessHours.Location)
	e := &Engine{cfg: cfg, store: store, loc: loc, disabled: map[string]bool{},
		deniedID:   newBurst(cfg.DeniedPerIdentity, cfg.MaxKeys),
		deniedAddr: newBurst(cfg.DeniedPerAddress, cfg.MaxKeys),
		deniedPath: newBurst(cfg.DeniedPerPath, cfg.MaxKeys),
		loginFail:  newBurst(cfg.LoginFailures, cfg.MaxKeys),
		fanout:     newDistinct(cfg.ReadFanout, cfg.MaxKeys),
		Stats:      Stats{Alerts: map[string]int64{}},
	}
	for _, d := range cfg.Disabled {
		e.disabled[d] = true
	}
	return e, nil
}

// Evicted is how many keys the windows and the store evicted to stay
// bounded.
func (e *Engine) Evicted() int64 {
	return e.deniedID.keys.Evicted + e.deniedAddr.keys.Evicted + e.deniedPath.keys.Evicted +
		e.loginFail.keys.Evicted + e.fanout.keys.Evicted + e.store.Evicted()
}

func (e *Engine) on(name string) bool {
	d := detector(name)
	return !e.disabled[d.ID] && !e.disabled[d.Name]
}

// Observe runs every detector on ev and calls emit for each alert.
func (e *Engine) Observe(ev *Event, emit func(Alert) error) error {
	e.Stats.Events++
	var out []Alert
	raise := func(name, key, desc string, count int, window time.Duration) {
		if !e.on(name) {
			return
		}
		d := detector(name)
		rec := ev.Record
		a := Alert{ID: d.ID, Name: d.Name, Severity: d.Severity, Time: ev.Time, Title: d.Title,
			Description: desc, Next: d.Next, Key: key, Count: count, Event: &rec}
		if window > 0 {
			a.Window = window.String()
		}
		out = append(out, a)
	}
	e.stateless(ev, raise)
	e.windowed(ev, raise)
	if err := e.learning(ev, raise); err != nil {
		e.Stats.StoreErrs++
		return err
	}
	for _, a := range out {
		e.Stats.Alerts[a.ID]++
		if err := emit(a); err != nil {
			return err
		}
	}
	e.Stats.Evicted = e.Evicted()
	return nil
}

type raiseFunc func(name, key, desc string, count int, window time.Duration)

func outcomeWord(ev *Event) string {
	switch ev.Outcome {
	case report.OutcomeAllowed:
		return ""
	case report.OutcomeNoResponse:
		return " (no response logged)"
	}
	return " (attempt, " + string(ev.Outcome) + ")"
}

func segs(p string) []string { return strings.Split(strings.Trim(p, "/"), "/") }

// stateless detectors look at one request.
func (e *Engine) stateless(ev *Event, raise raiseFunc) {
	p, op := ev.Path, ev.Operation
	who, oc := ev.WhoLabel(), outcomeWord(ev)
	// Root token use and creation.
	switch {
	case strings.HasPrefix(p, "sys/generate-root"):
		raise("root_token_used", p, fmt.Sprintf("%s called %s %s%s: a root token is being generated", who, op, p, oc), 0, 0)
	case ev.isRoot() && ev.Outcome != report.OutcomeDenied:
		raise("root_token_used", ev.Token.Accessor, fmt.Sprintf("a root token (%s) was used from %s: %s %s%s", who, ev.RemoteAddress, op, p, oc), 0, 0)
	}
	if ev.Issued != nil && slices.Contains(ev.Issued.Policies, "root") && ev.Outcome == report.OutcomeAllowed {
		raise("root_token_used", p, fmt.Sprintf("%s obtained a new root token via %s", who, p), 0, 0)
	}
	write := ev.write()
	if p == "sys/audit/test" && ev.RemoteAddress == "" && ev.Who() == "" {
		// Vault's own probe when a file device is enabled; the enable
		// request itself alerts.
		write = false
	}
	switch {
	case strings.HasPrefix(p, "sys/audit/") && write, strings.HasPrefix(p, "sys/config/auditing/") && write:
		raise("audit_device_changed", p, fmt.Sprintf("%s %s %s%s from %s", who, verb(op), p, oc, ev.RemoteAddress), 0, 0)
	case (strings.HasPrefix(p, "sys/policies/acl/") || (strings.HasPrefix(p, "sys/policy/") && p != "sys/policy/")) && write:
		raise("acl_policy_changed", p, fmt.Sprintf("%s %s ACL policy %s%s", who, verb(op), p[strings.LastIndexByte(p, '/')+1:], oc), 0, 0)
	case (strings.HasPrefix(p, "sys/mounts/") || strings.HasPrefix(p, "sys/auth/") || strings.HasPrefix(p, "sys/remount")) && write:
		what := "secrets engine"
		if strings.HasPrefix(p, "sys/auth/") {
			what = "auth method"
		}
		action := map[string]string{"create": "enabled", "update": "enabled or tuned", "delete": "disabled"}[op]
		if strings.HasSuffix(p, "/tune") {
			action = "tuned"
		}
		if action == "" {
			action = op
		}
		raise("mount_changed", p, fmt.Sprintf("%s %s %s at %s%s", who, action, what, strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(p, "sys/mounts/"), "sys/auth/"), "/tune"), oc), 0, 0)
	case strings.HasPrefix(p, "sys/raw"):
		raise("sys_raw_used", p, fmt.Sprintf("%s %s %s%s", who, op, p, oc), 0, 0)
	case strings.HasPrefix(p, "sys/leases/revoke-prefix/") || strings.HasPrefix(p, "sys/leases/revoke-force/") ||
		strings.HasPrefix(p, "sys/revoke-prefix/") || strings.HasPrefix(p, "sys/revoke-force/"):
		raise("mass_lease_revocation", p, fmt.Sprintf("%s revoked every lease under %s%s", who, p[strings.Index(p, "revoke-")+len("revoke-prefix/"):], oc), 0, 0)
	}
	if strings.HasPrefix(p, "auth/") && write {
		s := segs(p)
		for i := 1; i+1 < len(s); i++ {
			if s[i] != "role" {
				continue
			}
			rest := s[i+2:]
			if len(rest) == 0 || !roleSubNotChange[rest[0]] {
				raise("auth_role_changed", p, fmt.Sprintf("%s %s auth role %s%s", who, verb(op), strings.Join(s[:i+2], "/"), oc), 0, 0)
			}
			break
		}
	}
	if ev.MountType == "transit" {
		s := segs(strings.TrimPrefix(p, ev.MountPoint))
		switch {
		case len(s) == 2 && s[0] == "keys" && op == "delete":
			raise("transit_key_changed", p, fmt.Sprintf("%s deleted transit key %s%s", who, s[1], oc), 0, 0)
		case len(s) == 3 && s[0] == "keys" && s[2] == "config" && write:
			raise("transit_key_changed", p, fmt.Sprintf("%s changed the config (deletion_allowed, exportable, ...) of transit key %s%s", who, s[1], oc), 0, 0)
		case len(s) >= 3 && (s[0] == "export" || s[0] == "backup"):
			raise("transit_key_changed", p, fmt.Sprintf("%s exported transit key material via %s%s", who, p, oc), 0, 0)
		}
	}
	// Token creation.
	if strings.HasPrefix(p, "auth/token/create") && ev.Outcome == report.OutcomeAllowed && ev.Issued != nil {
		var why []string
		if max := e.cfg.MaxTokenTTL.D(); max > 0 && time.Duration(ev.Issued.TTL)*time.Second > max {
			why = append(why, fmt.Sprintf("TTL %s above %s", time.Duration(ev.Issued.TTL)*time.Second, max))
		}
		if strings.HasPrefix(p, "auth/token/create-orphan") || ev.NoParent {
			why = append(why, "orphan")
		}
		if len(why) > 0 {
			raise("token_long_ttl_or_orphan", p, fmt.Sprintf("%s created a token (%s) via %s", who, strings.Join(why, ", "), p), 0, 0)
		}
	}
	// Sentinel soft-mandatory override, allowed or not.
	if ev.PolicyOverride {
		raise("policy_override_used", ev.Who(), fmt.Sprintf("%s sent policy_override on %s %s%s", who, ev.Operation, p, oc), 0, 0)
	}
	// Off-hours human login.
	if ev.Login && ev.Outcome == report.OutcomeAllowed && slices.Contains(e.cfg.HumanAuthMethods, ev.Identity.AuthMethod) {
		bh := e.cfg.BusinessHours
		lt := ev.Time.In(e.loc)
		if h := lt.Hour(); h < bh.Start || h >= bh.End || !slices.Contains(bh.Days, int(lt.Weekday())) {
			raise("off_hours_login", ev.Who(), fmt.Sprintf("%s logged in via %s at %s (business hours %02d:00-%02d:00 %s)",
				who, ev.MountPoint, lt.Format("Mon 15:04 MST"), bh.Start, bh.End, bh.Location), 0, 0)
		}
	}
}

// roleSubNotChange are sub-paths of auth/<mount>/role/<name>/ that use a
// role rather than change it.
var roleSubNotChange = map[string]bool{"secret-id": true, "secret-id-accessor": true, "custom-secret-id": true, "login": true, "role-id": false}

func verb(op string) string {
	switch op {
	case "create":
		return "created"
	case "update":
		return "wrote"
	case "delete":
		return "deleted"
	case "patch":
		return "patched"
	}
	return op
}

func (ev *Event) isSecretRead() bool {
	if ev.Outcome != report.OutcomeAllowed {
		return false
	}
	switch ev.MountType {
	case "kv", "generic":
		return ev.Operation == "read" && !strings.Contains(ev.Path, "/metadata/")
	case "database", "aws", "azure", "gcp", "consul", "nomad", "rabbitmq", "ldap", "kubernetes", "ssh", "pki":
		return ev.Operation == "read" || (ev.Operation == "update" && strings.Contains(ev.Path, "/creds/"))
	case "transit":
		return ev.Operation == "update" && (strings.Contains(ev.Path, "/decrypt/") || strings.Contains(ev.Path, "/rewrap/"))
	}
	return false
}

// windowed detectors count within sliding windows.
func (e *Engine) windowed(ev *Event, raise raiseFunc) {
	t := ev.Time
	if ev.Outcome == report.OutcomeDenied {
		if who := ev.Who(); who != "" {
			if fire, n := e.deniedID.add(who, t); fire {
				raise("denied_burst_identity", who, fmt.Sprintf("%s was denied %d times within %s (last: %s %s)",
					ev.WhoLabel(), n, e.cfg.DeniedPerIdentity.Window.D(), ev.Operation, ev.Path), n, e.cfg.DeniedPerIdentity.Window.D())
			}
		}
		if addr := ev.RemoteAddress; addr != "" {
			if fire, n := e.deniedAddr.add(addr, t); fire {
				raise("denied_burst_address", addr, fmt.Sprintf("%d permission-denied requests from %s within %s (last by %s on %s)",
					n, addr, e.cfg.DeniedPerAddress.Window.D(), ev.WhoLabel(), ev.Path), n, e.cfg.DeniedPerAddress.Window.D())
			}
		}
		if fire, n := e.deniedPath.add(ev.Path, t); fire {
			raise("denied_burst_path", ev.Path, fmt.Sprintf("%d permission-denied requests on %s within %s (last by %s from %s)",
				n, ev.Path, e.cfg.DeniedPerPath.Window.D(), ev.WhoLabel(), ev.RemoteAddress), n, e.cfg.DeniedPerPath.Window.D())
		}
	}
	if ev.Login && (ev.Outcome == report.OutcomeError || ev.Outcome == report.OutcomeDenied) {
		key := ev.RemoteAddress
		if fire, n := e.loginFail.add(key, t); fire {
			raise("login_failure_burst", key, fmt.Sprintf("%d failed logins from %s within %s (last: %s: %s)",
				n, key, e.cfg.LoginFailures.Window.D(), ev.Path, firstLine(ev.Error)), n, e.cfg.LoginFailures.Window.D())
		}
	}
	if ev.isSecretRead() && ev.Token.Accessor != "" {
		if fire, n := e.fanout.add(ev.Token.Accessor, ev.Logical, t); fire {
			raise("read_fanout", ev.Token.Accessor, fmt.Sprintf("%s (token accessor %s) read %d distinct secrets within %s",
				ev.WhoLabel(), ev.Token.Accessor, n, e.cfg.ReadFanout.Window.D()), n, e.cfg.ReadFanout.Window.D())
		}
	}
}

func firstLine(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\n\t*", ";"))
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// learning detectors compare with what the store has seen.
func (e *Engine) learning(ev *Event, raise raiseFunc) error {
	who := ev.Who()
	if who == "" || ev.Outcome == report.OutcomeDenied || ev.Outcome == report.OutcomeError {
		return nil
	}
	t := ev.Time
	since, _, err := e.store.Seen("identity", who, t)
	if err != nil {
		return err
	}
	age := t.Sub(since)
	if addr, err := netip.ParseAddr(ev.RemoteAddress); err == nil && e.on("new_source_address") {
		_, newAddr, err := e.store.Seen("address", who+" "+addr.String(), t)
		if err != nil {
			return err
		}
		bits := e.cfg.SubnetBitsV4
		if addr.Is6() && !addr.Is4In6() {
			bits = e.cfg.SubnetBitsV6
		}
		pfx, _ := addr.Prefix(bits)
		_, newNet, err := e.store.Seen("subnet", who+" "+pfx.String(), t)
		if err != nil {
			return err
		}
		if newAddr && age >= e.cfg.NewAddressLearning.D() {
			what := "address " + addr.String() + " (known subnet " + pfx.String() + ")"
			if newNet {
				what = "subnet " + pfx.String() + " (address " + addr.String() + ")"
			}
			raise("new_source_address", who+" "+addr.String(), fmt.Sprintf("%s, known for %s, used from a new %s: %s %s",
				ev.WhoLabel(), age.Round(time.Second), what, ev.Operation, ev.Path), 0, 0)
		}
	}
	if ev.isSecretRead() && e.on("first_secret_read") {
		_, isNew, err := e.store.Seen("read", who+" "+ev.Logical, t)
		if err != nil {
			return err
		}
		if isNew && age >= e.cfg.FirstReadLearning.D() {
			raise("first_secret_read", who+" "+ev.Logical, fmt.Sprintf("%s, known for %s, read %s for the first time",
				ev.WhoLabel(), age.Round(time.Second), ev.Logical), 0, 0)
		}
	}
	return nil
}
