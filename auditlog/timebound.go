package auditlog

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ParseTimeBound parses a --since/--until value: RFC3339 (with or without
// fractional seconds), a date (2006-01-02, UTC), or a duration before now:
// 90d, 2w, 12h, 30m, 45s, or combinations Go accepts (1h30m).
func ParseTimeBound(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if n := len(s); n > 1 && (s[n-1] == 'd' || s[n-1] == 'w') {
		v, err := strconv.ParseFloat(s[:n-1], 64)
		if err == nil && v >= 0 {
			unit := 24 * time.Hour
			if s[n-1] == 'w' {
				unit *= 7
			}
			return now.Add(-time.Duration(v * float64(unit))), nil
		}
	}
	if d, err := time.ParseDuration(s); err == nil && d >= 0 {
		return now.Add(-d), nil
	}
	return time.Time{}, fmt.Errorf("bad time %q: want RFC3339 (2026-01-02T15:04:05Z), a date (2026-01-02) or a duration ago (90d, 2w, 12h, 30m)", s)
}
