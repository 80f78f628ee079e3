package model

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"time"
)

// Bool reads a value the way Vault's parseutil.ParseBool does: true, "true",
// 1, "1", "t", "T", "TRUE" and friends. ok is false when v is not a boolean.
func Bool(v any) (b, ok bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case int64:
		return x != 0, true
	case float64:
		return x != 0, true
	case string:
		s := strings.TrimSpace(x)
		if s == "" {
			return false, true
		}
		b, err := strconv.ParseBool(s)
		return b, err == nil
	}
	return false, false
}

// Seconds reads a duration the way Vault's parseutil.ParseDurationSecond
// does: "1h", "90m", "3600s", "3600", 3600, plus a "d" suffix for days.
// ok is false when v is not a duration.
func Seconds(v any) (secs int64, ok bool) {
	switch x := v.(type) {
	case int64:
		return x, true
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return 0, false
		}
		return int64(x), true
	case string:
		s := strings.TrimSpace(x)
		if s == "" {
			return 0, true
		}
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return n, true
		}
		if strings.HasSuffix(s, "d") {
			n, err := strconv.ParseInt(strings.TrimSuffix(s, "d"), 10, 64)
			if err != nil || n > math.MaxInt64/86400 {
				return 0, false
			}
			return n * 86400, true
		}
		d, err := time.ParseDuration(s)
		if err != nil {
			return 0, false
		}
		return int64(d / time.Second), true
	}
	return 0, false
}

// Strings reads a list of strings, or a comma-separated string as Vault's
// parseutil.ParseCommaStringSlice does.
func Strings(v any) ([]string, bool) {
	switch x := v.(type) {
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	case []string:
		return x, true
	case string:
		if strings.TrimSpace(x) == "" {
			return []string{}, true
		}
		parts := strings.Split(x, ",")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		return parts, true
	}
	return nil, false
}

// FromJSON converts a value decoded with json.Decoder.UseNumber (a Vault
// API response, a Terraform data_json) into what the readers above
// expect: a json.Number becomes int64 when it is whole, else float64;
// lists and maps are converted recursively.
func FromJSON(v any) any {
	switch x := v.(type) {
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return n
		}
		f, _ := x.Float64()
		return f
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = FromJSON(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = FromJSON(e)
		}
		return out
	}
	return v
}
