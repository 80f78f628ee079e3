package auditlog

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// Decoder turns one audit entry (the JSON object, prefix already removed)
// into an Entry. It is a purpose-built scanner: it walks the object once,
// keeps the few fields vaultguard uses and skips every other value without
// building it. Measured against encoding/json into the same struct it is
// several times faster (see BenchmarkDecode), which is what makes `report`
// on a gigabyte of log bearable. A Decoder is not safe for concurrent use;
// each worker owns one.
type Decoder struct {
	scratch []byte
	intern  map[string]string
}

// Interning bounds: strings that repeat (operations, mounts, display names,
// policies, addresses) are allocated once per worker, up to a fixed number
// so memory stays bounded on logs with many distinct values.
const (
	maxInterned  = 1 << 14
	maxInternLen = 200
)

// NewDecoder returns a Decoder.
func NewDecoder() *Decoder {
	return &Decoder{intern: make(map[string]string, 1024)}
}

// SyntaxError is a decoding failure with the byte offset inside the entry.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%s at byte %d", e.Msg, e.Offset) }

type scanner struct {
	data []byte
	i    int
	d    *Decoder
}

func (s *scanner) fail(msg string) error {
	return &SyntaxError{Offset: s.i, Msg: msg}
}

func (s *scanner) eof() error {
	return &SyntaxError{Offset: s.i, Msg: "unexpected end of entry (truncated?)"}
}

// Decode fills e from data, which must hold one JSON object and nothing but
// whitespace around it. e is reset first; e.Pos is left for the caller.
func (d *Decoder) Decode(data []byte, e *Entry) error {
	pos := e.Pos
	*e = Entry{Pos: pos}
	s := scanner{data: data, d: d}
	s.ws()
	if s.i >= len(data) {
		return s.fail("empty entry")
	}
	if data[s.i] != '{' {
		return s.fail("entry does not start with '{'")
	}
	if err := s.top(e); err != nil {
		return err
	}
	s.ws()
	if s.i != len(data) {
		return s.fail("unexpected data after the entry")
	}
	return nil
}

func (s *scanner) ws() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// objNext advances to the next key of an object whose '{' was consumed.
// It returns ok=false after consuming the closing '}'.
func (s *scanner) objNext(first bool) (key []byte, ok bool, err error) {
	s.ws()
	if s.i >= len(s.data) {
		return nil, false, s.eof()
	}
	if s.data[s.i] == '}' {
		s.i++
		return nil, false, nil
	}
	if !first {
		if s.data[s.i] != ',' {
			return nil, false, s.fail("expected ',' or '}' in object")
		}
		s.i++
		s.ws()
		if s.i >= len(s.data) {
			return nil, false, s.eof()
		}
	}
	if s.data[s.i] != '"' {
		return nil, false, s.fail("expected a string key")
	}
	raw, esc, err := s.rawString()
	if err != nil {
		return nil, false, err
	}
	if esc || !utf8.Valid(raw) {
		raw, err = s.unescape(raw)
		if err != nil {
			return nil, false, err
		}
		// The key lives in scratch, which the value may reuse: copy it.
		raw = append([]byte(nil), raw...)
	}
	s.ws()
	if s.i >= len(s.data) {
		return nil, false, s.eof()
	}
	if s.data[s.i] != ':' {
		return nil, false, s.fail("expected ':' after key")
	}
	s.i++
	s.ws()
	if s.i >= len(s.data) {
		return nil, false, s.eof()
	}
	return raw, true, nil
}

// rawString consumes a string starting at '"' and returns its undecoded
// body and whether it holds escapes.
func (s *scanner) rawString() (raw []byte, esc bool, err error) {
	start := s.i + 1
	j := start
	for {
		k := bytes.IndexByte(s.data[j:], '"')
		if k < 0 {
			s.i = len(s.data)
			return nil, false, s.eof()
		}
		j += k
		// Count the backslashes before the quote: an odd number escapes it.
		n := 0
		for b := j - 1; b >= start && s.data[b] == '\\'; b-- {
			n++
		}
		if n%2 == 0 {
			break
		}
		j++
	}
	raw = s.data[start:j]
	s.i = j + 1
	return raw, bytes.IndexByte(raw, '\\') >= 0, nil
}

// unescape decodes a JSON string body the way encoding/json does: escapes
// resolved, invalid UTF-8 and lone surrogates replaced by U+FFFD.
func (s *scanner) unescape(raw []byte) ([]byte, error) {
	out := s.d.scratch[:0]
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '\\':
			if i+1 >= len(raw) {
				return nil, s.fail("bad escape in string")
			}
			switch raw[i+1] {
			case '"', '\\', '/':
				out = append(out, raw[i+1])
				i += 2
			case 'b':
				out = append(out, '\b')
				i += 2
			case 'f':
				out = append(out, '\f')
				i += 2
			case 'n':
				out = append(out, '\n')
				i += 2
			case 'r':
				out = append(out, '\r')
				i += 2
			case 't':
				out = append(out, '\t')
				i += 2
			case 'u':
				r, ok := hex4(raw[i+2:])
				if !ok {
					return nil, s.fail("bad \\u escape in string")
				}
				i += 6
				if utf16.IsSurrogate(r) {
					r2, ok2 := rune(-1), false
					if i+1 < len(raw) && raw[i] == '\\' && raw[i+1] == 'u' {
						r2, ok2 = hex4(raw[i+2:])
					}
					if dec := utf16.DecodeRune(r, r2); ok2 && dec != utf8.RuneError {
						i += 6
						r = dec
					} else {
						r = utf8.RuneError
					}
				}
				out = utf8.AppendRune(out, r)
			default:
				return nil, s.fail("bad escape in string")
			}
		case c < utf8.RuneSelf:
			out = append(out, c)
			i++
		default:
			r, size := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && size == 1 {
				out = utf8.AppendRune(out, utf8.RuneError)
			} else {
				out = append(out, raw[i:i+size]...)
			}
			i += size
		}
	}
	s.d.scratch = out
	return out, nil
}

func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r*16 + rune(c)
	}
	return r, true
}

// str decodes a string value into a Go string. Non-string values (null,
// numbers, objects) are skipped and leave ok=false, as encoding/json would
// leave a typed field alone on null; mismatched types are tolerated rather
// than failing the whole entry.
func (s *scanner) str(intern bool) (string, bool, error) {
	if s.data[s.i] != '"' {
		return "", false, s.skip()
	}
	raw, esc, err := s.rawString()
	if err != nil {
		return "", false, err
	}
	if esc || !utf8.Valid(raw) {
		if raw, err = s.unescape(raw); err != nil {
			return "", false, err
		}
	}
	return s.d.makeString(raw, intern), true, nil
}

func (d *Decoder) makeString(b []byte, intern bool) string {
	if !intern || len(b) > maxInternLen {
		return string(b)
	}
	if v, ok := d.intern[string(b)]; ok {
		return v
	}
	v := string(b)
	if len(d.intern) < maxInterned {
		d.intern[v] = v
	}
	return v
}

func (s *scanner) setStr(dst *string, intern bool) error {
	// Each occurrence of a key replaces the previous one whatever its type,
	// the way a decoded map would see it.
	v, _, err := s.str(intern)
	*dst = v
	return err
}

// strList decodes an array of strings; non-string elements are skipped.
func (s *scanner) strList(dst *[]string) error {
	*dst = nil
	if s.data[s.i] != '[' {
		return s.skip()
	}
	s.i++
	var out []string
	first := true
	for {
		s.ws()
		if s.i >= len(s.data) {
			return s.eof()
		}
		if s.data[s.i] == ']' {
			s.i++
			break
		}
		if !first {
			if s.data[s.i] != ',' {
				return s.fail("expected ',' or ']' in array")
			}
			s.i++
			s.ws()
			if s.i >= len(s.data) {
				return s.eof()
			}
		}
		first = false
		v, ok, err := s.str(true)
		if err != nil {
			return err
		}
		if ok {
			out = append(out, v)
		}
	}
	if out == nil {
		out = []string{}
	}
	*dst = out
	return nil
}

// number decodes an integral JSON number; other values are skipped.
func (s *scanner) number(dst *int64) error {
	*dst = 0
	c := s.data[s.i]
	if c != '-' && (c < '0' || c > '9') {
		return s.skip()
	}
	start := s.i
	for s.i < len(s.data) {
		c := s.data[s.i]
		if (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' {
			s.i++
			continue
		}
		break
	}
	lit := s.data[start:s.i]
	if !validNumber(lit) {
		return &SyntaxError{Offset: start, Msg: "invalid number"}
	}
	if len(lit) <= 15 {
		allDigits := true
		for _, c := range lit {
			if c < '0' || c > '9' {
				allDigits = false
				break
			}
		}
		if allDigits {
			var v int64
			for _, c := range lit {
				v = v*10 + int64(c-'0')
			}
			*dst = v
			return nil
		}
	}
	f, err := strconv.ParseFloat(string(lit), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return &SyntaxError{Offset: start, Msg: "invalid number"}
	}
	if v, ok := floatToInt(f); ok {
		*dst = v
	}
	return nil
}

// floatToInt accepts a float64 that holds an exact integer within the range
// where float64 is exact; encoding/json users see the same numbers.
func floatToInt(f float64) (int64, bool) {
	if f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, false
	}
	return int64(f), true
}

// validNumber checks the JSON number grammar.
func validNumber(b []byte) bool {
	i := 0
	if i < len(b) && b[i] == '-' {
		i++
	}
	if i >= len(b) {
		return false
	}
	switch {
	case b[i] == '0':
		i++
	case b[i] >= '1' && b[i] <= '9':
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	default:
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return false
		}
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return false
		}
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}
	return i == len(b)
}

func (s *scanner) boolean(dst *bool) error {
	*dst = false
	switch {
	case bytes.HasPrefix(s.data[s.i:], []byte("true")):
		*dst = true
	case bytes.HasPrefix(s.data[s.i:], []byte("false")):
		*dst = false
	}
	return s.skip()
}

// skip consumes any JSON value. Inside skipped containers only strings and
// bracket depth are tracked: the fields vaultguard does not use are not
// validated, which is what makes skipping cheap.
func (s *scanner) skip() error {
	if s.i >= len(s.data) {
		return s.eof()
	}
	switch c := s.data[s.i]; {
	case c == '"':
		_, _, err := s.rawString()
		return err
	case c == '{' || c == '[':
		depth := 0
		for s.i < len(s.data) {
			switch s.data[s.i] {
			case '"':
				if _, _, err := s.rawString(); err != nil {
					return err
				}
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					s.i++
					return nil
				}
			}
			s.i++
		}
		return s.eof()
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		start := s.i
		for s.i < len(s.data) {
			c := s.data[s.i]
			if (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' {
				s.i++
				continue
			}
			break
		}
		if !validNumber(s.data[start:s.i]) {
			return &SyntaxError{Offset: start, Msg: "invalid number"}
		}
		return nil
	default:
		return s.fail(fmt.Sprintf("unexpected character %q", c))
	}
}

func (s *scanner) literal(lit string) error {
	if !bytes.HasPrefix(s.data[s.i:], []byte(lit)) {
		if len(s.data)-s.i < len(lit) && bytes.HasPrefix([]byte(lit), s.data[s.i:]) {
			s.i = len(s.data)
			return s.eof()
		}
		return s.fail("invalid literal")
	}
	s.i += len(lit)
	return nil
}

func (s *scanner) top(e *Entry) error {
	s.i++ // '{'
	for first := true; ; first = false {
		key, ok, err := s.objNext(first)
		if err != nil || !ok {
			return err
		}
		switch string(key) {
		case "time":
			var v string
			e.Time = time.Time{}
			if v, ok, err = s.str(false); ok {
				e.Time = parseTime(v)
			}
		case "type":
			err = s.setStr(&e.Type, true)
		case "error":
			err = s.setStr(&e.Error, true)
		case "auth":
			err = s.auth(&e.Auth)
		case "request":
			err = s.request(&e.Request)
		case "response":
			err = s.response(&e.Response)
		default:
			err = s.skip()
		}
		if err != nil {
			return err
		}
	}
}

func (s *scanner) auth(a *Auth) error {
	*a = Auth{}
	if s.data[s.i] != '{' {
		return s.skip()
	}
	s.i++
	*a = Auth{Present: true}
	for first := true; ; first = false {
		key, ok, err := s.objNext(first)
		if err != nil || !ok {
			return err
		}
		switch string(key) {
		case "client_token":
			err = s.setStr(&a.ClientToken, false)
		case "accessor":
			err = s.setStr(&a.Accessor, true)
		case "display_name":
			err = s.setStr(&a.DisplayName, true)
		case "entity_id":
			err = s.setStr(&a.EntityID, true)
		case "policies":
			err = s.strList(&a.Policies)
		case "token_policies":
			err = s.strList(&a.TokenPolicies)
		case "identity_policies":
			err = s.strList(&a.IdentityPolicies)
		case "metadata":
			err = s.metadata(&a.Metadata)
		case "token_type":
			err = s.setStr(&a.TokenType, true)
		case "token_ttl":
			err = s.number(&a.TokenTTL)
		case "policy_results":
			err = s.policyResults(&a.PolicyResults)
		default:
			err = s.skip()
		}
		if err != nil {
			return err
		}
	}
}

func (s *scanner) metadata(dst *[]KV) error {
	*dst = nil
	if s.data[s.i] != '{' {
		return s.skip()
	}
	s.i++
	out := []KV{}
	for first := true; ; first = false {
		key, ok, err := s.objNext(first)
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		k := s.d.makeString(key, true)
		v, isStr, err := s.str(true)
		if err != nil {
			return err
		}
		out = setKV(out, k, v, isStr)
	}
	*dst = out
	return nil
}

// setKV keeps the last value of a duplicated key, as a map would; a later
// non-string value removes the key.
func setKV(kvs []KV, k, v string, isStr bool) []KV {
	for i := range kvs {
		if kvs[i].Key == k {
			if !isStr {
				return append(kvs[:i], kvs[i+1:]...)
			}
			kvs[i].Value = v
			return kvs
		}
	}
	if !isStr {
		return kvs
	}
	return append(kvs, KV{Key: k, Value: v})
}

func (s *scanner) policyResults(pr *PolicyResults) error {
	*pr = PolicyResults{}
	if s.data[s.i] != '{' {
		return s.skip()
	}
	s.i++
	*pr = PolicyResults{Present: true}
	for first := true; ; first = false {
		key, ok, err := s.objNext(first)
		if err != nil || !ok {
			return err
		}
		switch string(key) {
		case "allowed":
			err = s.boolean(&pr.Allowed)
		case "granting_policies":
			err = s.grantingPolicies(&pr.GrantingPolicies)
		default:
			err = s.skip()
		}
		if err != nil {
			return err
		}
	}
}

// grantingPolicies keeps the names of the granting policies; Vault 1.21
// writes an empty {"type":""} element, which has no name and is dropped.
func (s *scanner) grantingPolicies(dst *[]string) error {
	*dst = nil
	if s.data[s.i] != '[' {
		return s.skip()
	}
	s.i++
	out := []string{}
	first := true
	for {
		s.ws()
		if s.i >= len(s.data) {
			return s.eof()
		}
		if s.data[s.i] == ']' {
			s.i++
			break
		}
		if !first {
			if s.data[s.i] != ',' {
				return s.fail("expected ',' or ']' in array")
			}
			s.i++
			s.ws()
			if s.i >= len(s.data) {
				return s.eof()
			}
		}
		first = false
		if s.data[s.i] != '{' {
			if err := s.skip(); err != nil {
				return err
			}
			continue
		}
		s.i++
		name := ""
		for f := true; ; f = false {
			key, ok, err := s.objNext(f)
			if err != nil {
				return err
			}
			if !ok {
				break
			}
			if string(key) == "name" {
				err = s.setStr(&name, true)
			} else {
				err = s.skip()
			}
			if err != nil {
				return err
			}
		}
		if name != "" {
			out = append(out, name)
		}
	}
	*dst = out
	return nil
}

func (s *scanner) request(r *Request) error {
	*r = Request{}
	if s.data[s.i] != '{' {
		return s.skip()
	}
	s.i++
	*r = Request{}
	for first := true; ; first = false {
		key, ok, err := s.objNext(first)
		if err != nil || !ok {
			return err
		}
		switch string(key) {
		case "id":
			err = s.setStr(&r.ID, false)
		case "operation":
			err = s.setStr(&r.Operation, true)
		case "path":
			err = s.setStr(&r.Path, true)
		case "mount_point":
			err = s.setStr(&r.MountPoint, true)
		case "mount_type":
			err = s.setStr(&r.MountType, true)
		case "mount_class":
			err = s.setStr(&r.MountClass, true)
		case "namespace":
			err = s.namespace(r)
		case "remote_address":
			err = s.setStr(&r.RemoteAddress, true)
		case "remote_port":
			var p int64
			r.RemotePort = 0
			if err = s.number(&p); err == nil && p >= 0 && p <= math.MaxInt32 {
				r.RemotePort = int(p)
			}
		case "client_token":
			err = s.setStr(&r.ClientToken, false)
		case "client_token_accessor":
			err = s.setStr(&r.ClientTokenAccessor, true)
		case "headers":
			err = s.headers(r)
		case "policy_override":
			err = s.boolean(&r.PolicyOverride)
		case "data":
			err = s.requestData(r)
		default:
			err = s.skip()
		}
		if err != nil {
			return err
		}
	}
}

// requestData reads request.data for no_parent only; every other value is
// skipped unread (string values are HMAC'd or, with log_raw, secrets).
func (s *scanner) requestData(r *Request) error {
	r.NoParent = false
	if s.data[s.i] != '{' {
		return s.skip()
	}
	s.i++
	for first := true; ; first = false {
		key, ok, err := s.objNext(first)
		if err != nil || !ok {
			return err
		}
		if string(key) == "no_parent" {
			err = s.boolean(&r.NoParent)
		} else {
			err = s.skip()
		}
		if err != nil {
			return err
		}
	}
}

func (s *scanner) namespace(r *Request) error {
	r.NamespaceID, r.NamespacePath = "", ""
	if s.data[s.i] != '{' {
		return s.skip()
	}
	s.i++
	for first := true; ; first = false {
		key, ok, err := s.objNext(first)
		if err != nil || !ok {
			return err
		}
		switch string(key) {
		case "id":
			err = s.setStr(&r.NamespaceID, true)
		case "path":
			err = s.setStr(&r.NamespacePath, true)
		default:
			err = s.skip()
		}
		if err != nil {
			return err
		}
	}
}

// headers keeps the first user-agent value; Vault logs headers as lists.
func (s *scanner) headers(r *Request) error {
	r.UserAgent = ""
	if s.data[s.i] != '{' {
		return s.skip()
	}
	s.i++
	for first := true; ; first = false {
		key, ok, err := s.objNext(first)
		if err != nil || !ok {
			return err
		}
		if string(key) == "user-agent" {
			var l []string
			if err = s.strList(&l); err == nil {
				r.UserAgent = ""
				if len(l) > 0 {
					r.UserAgent = l[0]
				}
			}
		} else {
			err = s.skip()
		}
		if err != nil {
			return err
		}
	}
}

func (s *scanner) response(r *Response) error {
	*r = Response{}
	if s.data[s.i] != '{' {
		return s.skip()
	}
	s.i++
	*r = Response{Present: true}
	for first := true; ; first = false {
		key, ok, err := s.objNext(first)
		if err != nil || !ok {
			return err
		}
		switch string(key) {
		case "secret":
			err = s.secret(r)
		case "data":
			err = s.dataKeys(r)
		case "auth":
			err = s.auth(&r.Auth)
		default:
			err = s.skip()
		}
		if err != nil {
			return err
		}
	}
}

func (s *scanner) secret(r *Response) error {
	r.LeaseID = ""
	if s.data[s.i] != '{' {
		return s.skip()
	}
	s.i++
	for first := true; ; first = false {
		key, ok, err := s.objNext(first)
		if err != nil || !ok {
			return err
		}
		if string(key) == "lease_id" {
			err = s.setStr(&r.LeaseID, false)
		} else {
			err = s.skip()
		}
		if err != nil {
			return err
		}
	}
}

// dataKeys records the key names of response.data, and of
// response.data.data (a KV v2 read), never the values.
func (s *scanner) dataKeys(r *Response) error {
	r.DataKeys = nil
	if s.data[s.i] != '{' {
		return s.skip()
	}
	s.i++
	for first := true; ; first = false {
		key, ok, err := s.objNext(first)
		if err != nil || !ok {
			return err
		}
		k := s.d.makeString(key, true)
		r.DataKeys = append(r.DataKeys, k)
		if k == "data" && s.data[s.i] == '{' {
			s.i++
			for f := true; ; f = false {
				sub, ok, err := s.objNext(f)
				if err != nil {
					return err
				}
				if !ok {
					break
				}
				r.DataKeys = append(r.DataKeys, "data."+string(sub))
				if err := s.skip(); err != nil {
					return err
				}
			}
			continue
		}
		if err := s.skip(); err != nil {
			return err
		}
	}
}

// parseTime parses Vault's RFC3339Nano UTC time without the generality of
// time.Parse; anything unusual (offsets, odd fractions) goes to time.Parse.
// An unparsable time leaves the zero time.
func parseTime(s string) time.Time {
	if t, ok := fastTime(s); ok {
		return t
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func fastTime(s string) (time.Time, bool) {
	// 2006-01-02T15:04:05[.fffffffff]Z
	if len(s) < 20 || len(s) > 30 || s[len(s)-1] != 'Z' ||
		s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	num := func(a, b int) (int, bool) {
		v := 0
		for i := a; i < b; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	year, ok1 := num(0, 4)
	month, ok2 := num(5, 7)
	day, ok3 := num(8, 10)
	hour, ok4 := num(11, 13)
	minute, ok5 := num(14, 16)
	sec, ok6 := num(17, 19)
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 || !ok6 {
		return time.Time{}, false
	}
	if month < 1 || month > 12 || day < 1 || day > daysIn(month, year) || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	nsec := 0
	if len(s) > 20 {
		if s[19] != '.' || len(s) == 21 {
			return time.Time{}, false
		}
		frac := s[20 : len(s)-1]
		if len(frac) > 9 {
			return time.Time{}, false
		}
		v, ok := num(20, len(s)-1)
		if !ok {
			return time.Time{}, false
		}
		for i := len(frac); i < 9; i++ {
			v *= 10
		}
		nsec = v
	} else if s[19] != 'Z' {
		return time.Time{}, false
	}
	return time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC), true
}

func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
