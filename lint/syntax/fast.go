package syntax

import "strconv"

// This file is a fast path for the most common input by far: small policy
// and config files written as plain literals. hcl/v2's scanner and parser
// are general (templates, expressions, Unicode columns) and were most of
// the load time when linting thousands of such files; parseFast reads a
// narrow subset directly and builds exactly the tree parseHCLv2 would.
//
// The subset, anything else makes parseFast give up so that Parse falls
// back to hcl/v2:
//
//   - the file is printable ASCII plus tabs and newlines (no CR, no other
//     control character), so a column is a byte offset plus one, as hcl/v2
//     counts it (tabs are one column there too);
//   - comments: #, // and /* */;
//   - bodies of attributes (ident = value, one per line, no name twice) and
//     blocks (ident, quoted or identifier labels, then { on the same line):
//     multi-line, empty, or hcl/v2's single-line form with one attribute;
//   - values: quoted strings without escapes or $ and % (so no templates),
//     decimal integers that fit an int64, true, false, null, tuples
//     [ ... ] and object constructors { key = value, "key": value } whose
//     keys are identifiers (but not for) or quoted strings.
//
// It follows hcl/v2's token and range rules (see parser.go in hclsyntax):
// where newlines separate items and where they are ignored, which comments
// stand for a newline, what each range covers. It is verified, not proven:
// TestParseFastMatchesHCLv2 (every real file at hand), TestParseFastGenerated
// (random documents of the subset and mutations of them) and FuzzParseFast
// check that whatever parseFast accepts, hcl/v2 reads without error, as
// literals, into a reflect.DeepEqual tree. Widen the subset only with
// cases added to those tests.

// parseFast returns the tree parseHCLv2 would build for src, or ok=false
// when src is outside the subset above (which says nothing about whether
// it is valid HCL).
func parseFast(name string, src []byte) (root *Node, ok bool) {
	for _, c := range src {
		if c >= 0x7f || (c < ' ' && c != '\t' && c != '\n') {
			return nil, false
		}
	}
	s := &scanner{src: src, name: name, line: 1}
	start, ok := s.bodyStart()
	if !ok {
		return nil, false
	}
	items, ok := s.body(true)
	if !ok {
		return nil, false
	}
	return &Node{Kind: Object, Items: items, Range: Range{File: name, Start: start, End: s.pos()}}, true
}

// scanner walks src byte by byte, keeping the line and column hcl/v2
// would give the current offset.
type scanner struct {
	src       []byte
	name      string
	off       int // next byte to read
	line      int // line of off, 1-based
	lineStart int // offset of the first byte of that line
}

// pos is the position of the next byte (of EOF, at the end).
func (s *scanner) pos() Pos { return Pos{Line: s.line, Column: s.off - s.lineStart + 1} }

func (s *scanner) rng(start, end Pos) Range { return Range{File: s.name, Start: start, End: end} }

func (s *scanner) eof() bool { return s.off >= len(s.src) }

// peek returns the next byte, or 0 at EOF (parseFast has rejected NUL).
func (s *scanner) peek() byte {
	if s.off < len(s.src) {
		return s.src[s.off]
	}
	return 0
}

// peekAt returns the byte i past the next one, or 0 beyond EOF.
func (s *scanner) peekAt(i int) byte {
	if s.off+i < len(s.src) {
		return s.src[s.off+i]
	}
	return 0
}

// advance moves past n bytes, counting the newlines among them.
func (s *scanner) advance(n int) {
	end := min(s.off+n, len(s.src))
	for ; s.off < end; s.off++ {
		if s.src[s.off] == '\n' {
			s.line++
			s.lineStart = s.off + 1
		}
	}
}

// atLineEnd reports whether a newline token comes next: a newline, or a
// # or // comment, which hcl/v2 reads as the newline that ends it.
func (s *scanner) atLineEnd() bool {
	c := s.peek()
	return c == '\n' || c == '#' || (c == '/' && s.peekAt(1) == '/')
}

// lineEnd consumes a newline token if one comes next: a newline, or a line
// comment with its newline (or up to EOF, where hcl/v2 simply ends).
func (s *scanner) lineEnd() bool {
	if !s.atLineEnd() {
		return false
	}
	if s.peek() == '\n' {
		s.advance(1)
		return true
	}
	i := s.off
	for i < len(s.src) && s.src[i] != '\n' {
		i++
	}
	if i < len(s.src) {
		i++ // the comment's newline
	}
	s.advance(i - s.off)
	return true
}

// skip consumes what hcl/v2 never shows the parser: spaces, tabs and /* */
// comments (even those spanning lines) and, where newlines are not
// significant (inside brackets), newlines and line comments as well. It
// fails on an unterminated /* comment.
func (s *scanner) skip(newlines bool) bool {
	for !s.eof() {
		c := s.peek()
		switch {
		case c == ' ' || c == '\t':
			s.off++
		case c == '/' && s.peekAt(1) == '*':
			i := s.off + 2
			for i+1 < len(s.src) && (s.src[i] != '*' || s.src[i+1] != '/') {
				i++
			}
			if i+1 >= len(s.src) {
				return false
			}
			s.advance(i + 2 - s.off)
		case newlines && s.atLineEnd():
			s.lineEnd()
		default:
			return true
		}
	}
	return true
}

// bodyStart is where hcl/v2 starts the top-level body: at its first token
// other than a /* */ comment, where a line comment counts as the newline
// token it ends with, unless it ends the file without one.
func (s *scanner) bodyStart() (Pos, bool) {
	t := *s // look ahead without moving s
	if !t.skip(false) {
		return Pos{}, false
	}
	start := t.pos()
	if t.peek() != '\n' && t.lineEnd() && t.src[t.off-1] != '\n' {
		return t.pos(), true // hcl/v2 drops it: the body starts at EOF
	}
	return start, true
}

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func isIdentChar(c byte) bool {
	return isIdentStart(c) || c >= '0' && c <= '9' || c == '-'
}

// ident reads an identifier; the caller has checked isIdentStart.
func (s *scanner) ident() Key {
	start := s.pos()
	i := s.off + 1
	for i < len(s.src) && isIdentChar(s.src[i]) {
		i++
	}
	name := string(s.src[s.off:i])
	s.off = i
	return Key{Name: name, Range: s.rng(start, s.pos())}
}

// quoted reads a string literal on one line with no escape and no $ or %,
// so that its text is its value; the range includes the quotes.
func (s *scanner) quoted() (Key, bool) {
	start := s.pos()
	i := s.off + 1
	for ; i < len(s.src); i++ {
		switch s.src[i] {
		case '"':
			text := string(s.src[s.off+1 : i])
			s.off = i + 1
			return Key{Name: text, Range: s.rng(start, s.pos())}, true
		case '\\', '$', '%', '\n':
			return Key{}, false
		}
	}
	return Key{}, false
}

// equals consumes the = or : that introduces a value, refusing the
// operators hcl/v2 would lex instead (==, =>, ::).
func (s *scanner) equals(colon bool) bool {
	c, next := s.peek(), s.peekAt(1)
	switch {
	case c == '=' && next != '=' && next != '>':
	case colon && c == ':' && next != ':':
	default:
		return false
	}
	s.off++
	return true
}

// body reads the items of a body up to EOF (top) or up to the closing
// brace of a multi-line block, which it leaves for the caller.
func (s *scanner) body(top bool) ([]*Item, bool) {
	var items []*Item
	var attrs names
	for {
		if !s.skip(false) {
			return nil, false
		}
		if s.eof() {
			return items, top
		}
		if s.lineEnd() {
			continue
		}
		if c := s.peek(); c == '}' {
			return items, !top
		} else if !isIdentStart(c) {
			return nil, false
		}
		it, isAttr, ok := s.item()
		if !ok || isAttr && !attrs.add(it.Keys[0].Name) {
			return nil, false // hcl/v2 refuses a redefined attribute
		}
		items = append(items, it)
	}
}

// names is a set of attribute names, a slice while small (most bodies
// have a few attributes), a map beyond.
type names struct {
	list []string
	set  map[string]bool
}

// add adds name, or reports false if it is already there.
func (n *names) add(name string) bool {
	if n.set != nil {
		if n.set[name] {
			return false
		}
		n.set[name] = true
		return true
	}
	for _, x := range n.list {
		if x == name {
			return false
		}
	}
	n.list = append(n.list, name)
	if len(n.list) > 16 {
		n.set = make(map[string]bool, 2*len(n.list))
		for _, x := range n.list {
			n.set[x] = true
		}
	}
	return true
}

// item reads an attribute or a block, with the newline (or EOF) that must
// follow it.
func (s *scanner) item() (it *Item, isAttr, ok bool) {
	typ := s.ident()
	if !s.skip(false) {
		return nil, false, false
	}
	if c := s.peek(); c == '=' {
		it, ok = s.attribute(typ)
		isAttr = true
	} else if c == '"' || c == '{' || isIdentStart(c) {
		it, ok = s.block(typ)
	}
	if !ok || !s.skip(false) {
		return nil, false, false
	}
	if !s.eof() && !s.lineEnd() {
		return nil, false, false // hcl/v2: missing newline after the item
	}
	return it, isAttr, true
}

// attribute reads "= value" after the name; its range ends with the value.
func (s *scanner) attribute(name Key) (*Item, bool) {
	if !s.equals(false) || !s.skip(false) {
		return nil, false
	}
	val, ok := s.value()
	if !ok {
		return nil, false
	}
	return &Item{Keys: []Key{name}, Val: val, Range: s.rng(name.Range.Start, val.Range.End)}, true
}

// block reads the labels and body of a block after its type. Its range
// runs from the type to the closing brace.
func (s *scanner) block(typ Key) (*Item, bool) {
	keys := []Key{typ}
	for {
		if !s.skip(false) {
			return nil, false
		}
		c := s.peek()
		if c == '{' {
			break
		}
		switch {
		case c == '"':
			label, ok := s.quoted()
			if !ok {
				return nil, false
			}
			keys = append(keys, label)
		case isIdentStart(c):
			keys = append(keys, s.ident())
		default:
			return nil, false
		}
	}
	open := s.pos()
	s.off++
	if !s.skip(false) || s.eof() {
		return nil, false
	}
	body := &Node{Kind: Object}
	switch {
	case s.peek() == '}' || s.atLineEnd():
		// A multi-line (or empty) body, from { to }.
		items, ok := s.body(false)
		if !ok {
			return nil, false
		}
		s.off++ // body stopped at '}'
		body.Items = items
		body.Range = s.rng(open, s.pos())
	case isIdentStart(s.peek()):
		// hcl/v2's single-line block: one attribute, then } on the same
		// line; the body's range is the attribute's.
		name := s.ident()
		if !s.skip(false) {
			return nil, false
		}
		attr, ok := s.attribute(name)
		if !ok || !s.skip(false) || s.peek() != '}' {
			return nil, false
		}
		s.off++
		body.Items = []*Item{attr}
		body.Range = attr.Range
	default:
		return nil, false
	}
	return &Item{Keys: keys, Val: body, Range: s.rng(typ.Range.Start, s.pos())}, true
}

// value reads a literal value at the next byte (the caller has skipped
// what precedes it). The caller checks what follows it, which is where
// hcl/v2 would see an operator, a traversal or a missing separator.
func (s *scanner) value() (*Node, bool) {
	start := s.pos()
	switch c := s.peek(); {
	case c == '"':
		str, ok := s.quoted()
		if !ok {
			return nil, false
		}
		return &Node{Kind: Scalar, Value: str.Name, Range: str.Range}, true
	case c >= '0' && c <= '9':
		i := s.off
		for i < len(s.src) && s.src[i] >= '0' && s.src[i] <= '9' {
			i++
		}
		if i < len(s.src) && (isIdentChar(s.src[i]) || s.src[i] == '.') {
			return nil, false // a float, an exponent or a malformed number
		}
		n, err := strconv.ParseInt(string(s.src[s.off:i]), 10, 64)
		if err != nil {
			return nil, false // hcl/v2 gives a float64 beyond int64
		}
		s.off = i
		return &Node{Kind: Scalar, Value: n, Range: s.rng(start, s.pos())}, true
	case isIdentStart(c):
		id := s.ident()
		var v any
		switch id.Name {
		case "true":
			v = true
		case "false":
			v = false
		case "null":
		default:
			return nil, false // a variable or a function call
		}
		return &Node{Kind: Scalar, Value: v, Range: id.Range}, true
	case c == '[':
		return s.tuple()
	case c == '{':
		return s.object()
	}
	return nil, false
}

// tuple reads [ v, v, ... ], where newlines and comments are insignificant
// and a trailing comma is allowed.
func (s *scanner) tuple() (*Node, bool) {
	n := &Node{Kind: List}
	start := s.pos()
	s.off++
	for {
		if !s.skip(true) {
			return nil, false
		}
		if s.peek() == ']' {
			break
		}
		el, ok := s.value()
		if !ok || !s.skip(true) {
			return nil, false
		}
		n.Elems = append(n.Elems, el)
		if s.peek() == ']' {
			break
		}
		if s.peek() != ',' {
			return nil, false
		}
		s.off++
	}
	s.off++
	n.Range = s.rng(start, s.pos())
	return n, true
}

// object reads an object constructor { k = v, "k": v }: items separated
// by commas or newlines, blank lines allowed between items but no newline
// inside one.
func (s *scanner) object() (*Node, bool) {
	n := &Node{Kind: Object}
	start := s.pos()
	s.off++
	for {
		if !s.skip(true) {
			return nil, false
		}
		if s.peek() == '}' {
			break
		}
		var key Key
		switch c := s.peek(); {
		case c == '"':
			k, ok := s.quoted()
			if !ok {
				return nil, false
			}
			key = k
		case isIdentStart(c):
			key = s.ident()
			if key.Name == "for" {
				return nil, false // hcl/v2 may read a for expression
			}
		default:
			return nil, false
		}
		if !s.skip(false) || !s.equals(true) || !s.skip(false) {
			return nil, false
		}
		val, ok := s.value()
		if !ok || !s.skip(false) {
			return nil, false
		}
		n.Items = append(n.Items, &Item{Keys: []Key{key}, Val: val, Range: s.rng(key.Range.Start, val.Range.End)})
		if s.peek() == '}' {
			break
		}
		if s.peek() == ',' {
			s.off++
			continue
		}
		if !s.lineEnd() {
			return nil, false
		}
	}
	s.off++
	n.Range = s.rng(start, s.pos())
	return n, true
}
