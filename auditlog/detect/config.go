package detect

import (
	"encoding/json"
	"fmt"
	"time"
)

// Duration is a time.Duration that reads and writes as "5m", "24h".
type Duration time.Duration

// MarshalJSON writes the duration as a Go duration string.
func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(time.Duration(d).String()) }

// UnmarshalJSON reads a Go duration string ("90s", "24h").
func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("duration: %w", err)
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("duration %q: %w", s, err)
	}
	*d = Duration(v)
	return nil
}

// D returns the time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }

// Burst is a count threshold inside a sliding window of log time.
type Burst struct {
	Threshold int      `json:"threshold"`
	Window    Duration `json:"window"`
}

// Config holds every threshold and window; Defaults documents them.
// Detectors listed in Disabled (by id or name) do not run.
type Config struct {
	Disabled []string `json:"disabled,omitempty"`
	// DeniedPerIdentity, DeniedPerAddress and DeniedPerPath are
	// permission-denied bursts (the last one finds enumeration).
	DeniedPerIdentity Burst `json:"denied_per_identity"`
	DeniedPerAddress  Burst `json:"denied_per_address"`
	DeniedPerPath     Burst `json:"denied_per_path"`
	// LoginFailures is failed logins per source address.
	LoginFailures Burst `json:"login_failures"`
	// ReadFanout is distinct secrets read by one token.
	ReadFanout Burst `json:"read_fanout"`
	// NewAddressLearning is how long an identity is learned (from the
	// first time it is seen) before a new source address alerts.
	NewAddressLearning Duration `json:"new_address_learning"`
	// FirstReadLearning is the same for the first read of a secret.
	FirstReadLearning Duration `json:"first_read_learning"`
	// SubnetBitsV4 and SubnetBitsV6 define "same subnet" for new addresses.
	SubnetBitsV4 int `json:"subnet_bits_v4"`
	SubnetBitsV6 int `json:"subnet_bits_v6"`
	// BusinessHours are the hours human logins are expected in.
	BusinessHours BusinessHours `json:"business_hours"`
	// HumanAuthMethods are the auth method types people log in with.
	HumanAuthMethods []string `json:"human_auth_methods"`
	// MaxTokenTTL: a created token living longer alerts.
	MaxTokenTTL Duration `json:"max_token_ttl"`
	// MaxKeys caps the keys each windowed detector tracks; the least
	// recently used key is evicted (and counted) beyond it.
	MaxKeys int `json:"max_keys"`
}

// BusinessHours is a weekly schedule in one time zone.
type BusinessHours struct {
	// Location is an IANA zone name ("UTC", "Europe/Paris").
	Location string `json:"location"`
	// Start and End are hours of the day, [Start, End).
	Start int `json:"start"`
	End   int `json:"end"`
	// Days are the working days, 0 = Sunday.
	Days []int `json:"days"`
}

// Defaults returns the documented default configuration.
func Defaults() Config {
	return Config{
		DeniedPerIdentity:  Burst{Threshold: 10, Window: Duration(5 * time.Minute)},
		DeniedPerAddress:   Burst{Threshold: 20, Window: Duration(5 * time.Minute)},
		DeniedPerPath:      Burst{Threshold: 10, Window: Duration(5 * time.Minute)},
		LoginFailures:      Burst{Threshold: 5, Window: Duration(5 * time.Minute)},
		ReadFanout:         Burst{Threshold: 50, Window: Duration(10 * time.Minute)},
		NewAddressLearning: Duration(7 * 24 * time.Hour),
		FirstReadLearning:  Duration(14 * 24 * time.Hour),
		SubnetBitsV4:       24,
		SubnetBitsV6:       64,
		BusinessHours:      BusinessHours{Location: "UTC", Start: 7, End: 19, Days: []int{1, 2, 3, 4, 5}},
		HumanAuthMethods:   []string{"userpass", "ldap", "oidc", "okta", "radius", "github"},
		MaxTokenTTL:        Duration(24 * time.Hour),
		MaxKeys:            100000,
	}
}

// ParseConfig reads a JSON configuration over the defaults: keys that are
// absent keep their default.
func ParseConfig(data []byte) (Config, error) {
	c := Defaults()
	if err := json.Unmarshal(data, &c); err != nil {
		return Config{}, fmt.Errorf("parse detector config: %w", err)
	}
	if err := c.validate(); err != nil {
		return Config{}, err
	}
	return c, nil
}

func (c *Config) validate() error {
	for name, b := range map[string]Burst{"denied_per_identity": c.DeniedPerIdentity, "denied_per_address": c.DeniedPerAddress,
		"denied_per_path": c.DeniedPerPath, "login_failures": c.LoginFailures, "read_fanout": c.ReadFanout} {
		if b.Threshold < 1 || b.Window <= 0 {
			return fmt.Errorf("detector config %s: threshold must be >= 1 and window > 0", name)
		}
	}
	if _, err := time.LoadLocation(c.BusinessHours.Location); err != nil {
		return fmt.Errorf("detector config business_hours.location: %w", err)
	}
	if c.BusinessHours.Start < 0 || c.BusinessHours.End > 24 || c.BusinessHours.Start > c.BusinessHours.End {
		return fmt.Errorf("detector config business_hours: want 0 <= start <= end <= 24")
	}
	if c.MaxKeys < 1 {
		c.MaxKeys = 100000
	}
	return nil
}
