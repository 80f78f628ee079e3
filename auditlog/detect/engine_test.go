package detect

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	report "github.com/vaultguard/vaultguard/report/audit"
)

func ev(t time.Time, op, path, mountType, who, addr string, out report.Outcome) *Event {
	e := &Event{Record: report.Record{Time: t, Operation: op, Path: path, MountType: mountType, Outcome: out, RemoteAddress: addr,
		Identity: report.Identity{DisplayName: who, EntityID: "ent-" + who, AuthMethod: "userpass"}, Token: report.Token{Accessor: "acc-" + who}}}
	e.Logical = path
	return e
}

func names(t *testing.T, eng *Engine, evs ...*Event) []string {
	t.Helper()
	var out []string
	for _, e := range evs {
		if err := eng.Observe(e, func(a Alert) error { out = append(out, a.Name); return nil }); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func TestDetectorsOnShapes(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC) // a Wednesday, business hours
	ok := report.OutcomeAllowed
	cases := []struct {
		name string
		ev   *Event
		want []string
	}{
		{"generate-root", ev(t0, "update", "sys/generate-root/attempt", "system", "ops", "10.0.0.1", ok), []string{"root_token_used"}},
		{"audit disable attempt", ev(t0, "delete", "sys/audit/file", "system", "ops", "10.0.0.1", report.OutcomeDenied), []string{"audit_device_changed"}},
		{"sys/raw", ev(t0, "read", "sys/raw/core/mounts", "system", "ops", "10.0.0.1", ok), []string{"sys_raw_used"}},
		{"transit delete", func() *Event {
			e := ev(t0, "delete", "transit/keys/cards", "transit", "ops", "10.0.0.1", ok)
			e.MountPoint = "transit/"
			return e
		}(), []string{"transit_key_changed"}},
		{"transit config", func() *Event {
			e := ev(t0, "update", "transit/keys/cards/config", "transit", "ops", "10.0.0.1", ok)
			e.MountPoint = "transit/"
			return e
		}(), []string{"transit_key_changed"}},
		{"revoke-prefix", ev(t0, "update", "sys/leases/revoke-prefix/database/creds/", "system", "ops", "10.0.0.1", ok), []string{"mass_lease_revocation"}},
		{"tune", ev(t0, "update", "sys/mounts/kv/tune", "system", "ops", "10.0.0.1", ok), []string{"mount_changed"}},
		{"auth disable", ev(t0, "delete", "sys/auth/ldap", "system", "ops", "10.0.0.1", ok), []string{"mount_changed"}},
		{"k8s role", ev(t0, "update", "auth/kubernetes/role/app", "kubernetes", "ops", "10.0.0.1", ok), []string{"auth_role_changed"}},
		{"secret-id is not a role change", ev(t0, "update", "auth/approle/role/app/secret-id", "approle", "ops", "10.0.0.1", ok), nil},
		{"orphan long token", func() *Event {
			e := ev(t0, "update", "auth/token/create-orphan", "token", "ops", "10.0.0.1", ok)
			e.Issued = &Issued{TTL: int64((48 * time.Hour).Seconds())}
			return e
		}(), []string{"token_long_ttl_or_orphan"}},
		{"no_parent orphan", func() *Event {
			e := ev(t0, "update", "auth/token/create", "token", "ops", "10.0.0.1", ok)
			e.Issued = &Issued{TTL: 3600}
			e.NoParent = true
			return e
		}(), []string{"token_long_ttl_or_orphan"}},
		{"short child token is fine", func() *Event {
			e := ev(t0, "update", "auth/token/create", "token", "ops", "10.0.0.1", ok)
			e.Issued = &Issued{TTL: 3600}
			return e
		}(), nil},
		{"policy override", func() *Event {
			e := ev(t0, "update", "secret/data/app", "kv", "ops", "10.0.0.1", ok)
			e.PolicyOverride = true
			return e
		}(), []string{"policy_override_used"}},
		{"root token created", func() *Event {
			e := ev(t0, "update", "auth/token/create", "token", "ops", "10.0.0.1", ok)
			e.Issued = &Issued{TTL: 3600, Policies: []string{"root"}}
			return e
		}(), []string{"root_token_used"}},
		{"off hours login", func() *Event {
			e := ev(t0.Add(13*time.Hour), "update", "auth/userpass/login/bob", "userpass", "ops", "10.0.0.1", ok)
			e.Login = true
			return e
		}(), []string{"off_hours_login"}},
		{"business hours login", func() *Event {
			e := ev(t0, "update", "auth/userpass/login/bob", "userpass", "ops", "10.0.0.1", ok)
			e.Login = true
			return e
		}(), nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			eng, err := New(Defaults(), nil)
			if err != nil {
				t.Fatal(err)
			}
			got := names(t, eng, c.ev)
			if len(got) != len(c.want) || (len(got) > 0 && got[0] != c.want[0]) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestWindowsAndLearning(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	cfg := Defaults()
	cfg.ReadFanout = Burst{Threshold: 3, Window: Duration(time.Minute)}
	cfg.DeniedPerIdentity = Burst{Threshold: 3, Window: Duration(time.Minute)}
	cfg.FirstReadLearning = Duration(time.Hour)
	cfg.NewAddressLearning = Duration(time.Hour)
	eng, err := New(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	var evs []*Event
	// Denials spread beyond the window do not fire; three inside do, once.
	for i, d := range []time.Duration{0, 2 * time.Minute, 2*time.Minute + time.Second, 2*time.Minute + 2*time.Second, 2*time.Minute + 3*time.Second} {
		evs = append(evs, ev(t0.Add(d), "read", "kv/data/x"+string(rune('a'+i)), "kv", "eve", "10.0.0.9", report.OutcomeDenied))
	}
	if got := names(t, eng, evs...); len(got) != 1 || got[0] != "denied_burst_identity" {
		t.Errorf("denials: %v", got)
	}
	// Fan-out: three distinct reads in a minute.
	var reads []*Event
	for i := range 3 {
		reads = append(reads, ev(t0.Add(time.Duration(i)*time.Second), "read", "kv/data/r"+string(rune('a'+i)), "kv", "fan", "10.0.0.2", report.OutcomeAllowed))
	}
	if got := names(t, eng, reads...); len(got) != 1 || got[0] != "read_fanout" {
		t.Errorf("fanout: %v", got)
	}
	// Learning: after an hour, a new address and a new secret alert.
	late := ev(t0.Add(2*time.Hour), "read", "kv/data/new", "kv", "fan", "192.168.1.1", report.OutcomeAllowed)
	got := names(t, eng, late)
	if len(got) != 2 || got[0] != "new_source_address" || got[1] != "first_secret_read" {
		t.Errorf("learning: %v", got)
	}
}

func TestBoltStoreSurvivesRestartAndEvicts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "learn.db")
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	s, err := OpenBoltStore(path, 3)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		if _, isNew, err := s.Seen("address", string(rune('a'+i)), t0.Add(time.Duration(i)*time.Second)); err != nil || !isNew {
			t.Fatalf("seen %d: new=%v err=%v", i, isNew, err)
		}
	}
	if s.Evicted() != 2 {
		t.Errorf("evicted %d, want 2", s.Evicted())
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = OpenBoltStore(path, 3)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	first, isNew, err := s.Seen("address", "e", t0.Add(time.Hour))
	if err != nil || isNew || !first.Equal(t0.Add(4*time.Second)) {
		t.Errorf("after restart: first=%v new=%v err=%v", first, isNew, err)
	}
	if _, isNew, _ := s.Seen("address", "a", t0.Add(time.Hour)); !isNew {
		t.Errorf("evicted key a should be new again")
	}
}

// TestBoundedKeys: with max_keys 10, a thousand identities denied once
// each keep at most ten keys per window and count the evictions.
func TestBoundedKeys(t *testing.T) {
	cfg := Defaults()
	cfg.MaxKeys = 10
	eng, err := New(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	for i := range 1000 {
		e := ev(t0.Add(time.Duration(i)*time.Millisecond), "read", fmt.Sprintf("kv/data/p%d", i), "kv", fmt.Sprintf("u%d", i), fmt.Sprintf("10.0.%d.%d", i/250, i%250), report.OutcomeDenied)
		if err := eng.Observe(e, func(Alert) error { return nil }); err != nil {
			t.Fatal(err)
		}
	}
	for name, n := range map[string]int{"identity": len(eng.deniedID.keys.m), "address": len(eng.deniedAddr.keys.m), "path": len(eng.deniedPath.keys.m)} {
		if n > 10 {
			t.Errorf("%s keys: %d > 10", name, n)
		}
	}
	if eng.Evicted() < 3*990 {
		t.Errorf("evicted %d, want at least %d", eng.Evicted(), 3*990)
	}
}

func TestParseConfigOverridesDefaults(t *testing.T) {
	c, err := ParseConfig([]byte(`{"read_fanout":{"threshold":7,"window":"2m"},"disabled":["off_hours_login"]}`))
	if err != nil {
		t.Fatal(err)
	}
	if c.ReadFanout.Threshold != 7 || c.ReadFanout.Window.D() != 2*time.Minute || c.LoginFailures.Threshold != 5 {
		t.Errorf("config %+v", c)
	}
	if _, err := ParseConfig([]byte(`{"login_failures":{"threshold":0,"window":"1m"}}`)); err == nil {
		t.Error("threshold 0 accepted")
	}
	eng, _ := New(c, nil)
	e := ev(time.Date(2026, 11, 25, 23, 0, 0, 0, time.UTC), "update", "auth/userpass/login/bob", "userpass", "bob", "10.0.0.1", report.OutcomeAllowed)
	e.Login = true
	if got := names(t, eng, e); len(got) != 0 {
		t.Errorf("disabled detector raised %v", got)
	}
}
