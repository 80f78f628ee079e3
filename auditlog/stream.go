package auditlog

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"

	report "github.com/vaultguard/vaultguard/report/audit"
)

// Options configure Scan.
type Options struct {
	// Workers is the number of decoding goroutines (0: GOMAXPROCS).
	Workers int
	// BlockSize is the unit of work handed to a worker (0: 1 MiB).
	BlockSize int
	// MaxEntryBytes bounds one entry; longer lines are counted as malformed
	// and skipped without being held in memory (0: 16 MiB).
	MaxEntryBytes int
	// Prefix is the audit device's `prefix` option. It is stripped when
	// present; without it the JSON is found at the first '{' of a line,
	// which already handles syslog headers and prefixes without braces.
	Prefix string
	// Needles is the byte pre-filter: when set, an entry that does not
	// contain every one of them is counted and skipped without being
	// decoded. Put the most selective needle first.
	Needles [][]byte
	// Follow keeps reading a file as it grows (see followReader).
	Follow bool
	// MaxMalformedSamples bounds how many malformed positions are kept for
	// the summary (0: 20); all of them are counted.
	MaxMalformedSamples int
	// Progress, if set, is called with the number of on-disk bytes read.
	Progress func(n int64)
	// LineProgress, if set, is called from the consuming goroutine with the
	// number of lines each block held, for a lines/s display.
	LineProgress func(n int64)
}

// Stats counts what a Scan read and what it could not decode.
type Stats struct {
	Files            int
	Bytes            int64
	Lines            int64
	Entries          int64
	Prefiltered      int64
	Malformed        int64
	MalformedSamples []report.Malformed
}

func (s *Stats) malformed(file string, line int64, reason string, max int) {
	s.Malformed++
	if len(s.MalformedSamples) < max {
		s.MalformedSamples = append(s.MalformedSamples, report.Malformed{File: file, Line: line, Reason: reason})
	}
}

// block is a run of whole lines from one input.
type block struct {
	seq    int64
	file   string
	first  bool // first block of its input: line numbers restart
	last   bool // last block of its input: pending text is flushed
	data   []byte
	pooled bool
	// oversize is the length of a line that was too long to keep; data is
	// then a single empty line standing in for it.
	oversize int64
	// mapping is the memory-mapped file data was cut from, [off, end) the
	// block's range in it: released once the block is consumed.
	mapping  []byte
	off, end int
	openErr  error
	readErr  error
}

// result is what a worker made of a block. Line numbers are relative to the
// block (1-based); the consumer adds the lines of earlier blocks.
type result struct {
	blk         *block
	entries     []Entry
	malformed   []relMalformed
	lines       int64
	prefiltered int64
	// head is text before the first line that starts an entry: the rest of
	// a pretty-printed object begun in an earlier block.
	head     []byte
	headOnly bool
	// tail is an entry begun in this block and not finished in it.
	tail     []byte
	tailLine int64
}

type relMalformed struct {
	line   int64
	reason string
}

// Scan reads inputs in order and calls fn with each decoded entry, in log
// order, from a single goroutine. Decoding fans out to workers; at most a
// few blocks are in flight, so memory does not grow with the log. Malformed
// input is counted in the returned Stats, never fatal; an error is returned
// only when fn fails or ctx is cancelled before the end.
func Scan(ctx context.Context, inputs []Input, opts Options, fn func(*Entry) error) (*Stats, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.BlockSize <= 0 {
		opts.BlockSize = 1 << 20
	}
	if opts.MaxEntryBytes <= 0 {
		opts.MaxEntryBytes = 16 << 20
	}
	if opts.MaxMalformedSamples <= 0 {
		opts.MaxMalformedSamples = 20
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	p := &pipeline{
		opts:   opts,
		work:   make(chan *block, opts.Workers),
		done:   make(chan *result, opts.Workers*2+2),
		tokens: make(chan struct{}, opts.Workers*2+2),
		pool:   sync.Pool{New: func() any { b := make([]byte, opts.BlockSize); return &b }},
		prefix: []byte(opts.Prefix),
	}
	var bytesRead atomic.Int64
	var readErr error
	go func() {
		readErr = p.read(ctx, inputs, &bytesRead)
		close(p.work)
	}()
	var wg sync.WaitGroup
	for range opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A mapped file truncated under us faults; turn that into an
			// error on the block instead of a crash.
			debug.SetPanicOnFault(true)
			dec := NewDecoder()
			for blk := range p.work {
				p.done <- p.frameSafe(dec, blk)
			}
		}()
	}
	go func() {
		wg.Wait()
		close(p.done)
	}()

	st := &Stats{}
	c := consumer{p: p, st: st, fn: fn, dec: NewDecoder()}
	var fnErr error
	pending := map[int64]*result{}
	var next int64
	for res := range p.done {
		pending[res.blk.seq] = res
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if fnErr == nil {
				if err := c.process(r); err != nil {
					fnErr = err
					cancel()
				}
			}
			if r.blk.mapping != nil {
				releasePages(r.blk.mapping, r.blk.off, r.blk.end)
			}
			if r.blk.pooled {
				b := r.blk.data[:cap(r.blk.data)]
				p.pool.Put(&b)
			}
			<-p.tokens
		}
	}
	p.unmapAll()
	st.Bytes = bytesRead.Load()
	if fnErr != nil {
		return st, fnErr
	}
	if readErr != nil && !errors.Is(readErr, context.Canceled) {
		return st, readErr
	}
	return st, nil
}

type pipeline struct {
	opts   Options
	work   chan *block
	done   chan *result
	tokens chan struct{}
	pool   sync.Pool
	prefix []byte
	seq    int64

	mu       sync.Mutex
	mappings [][]byte
}

func (p *pipeline) send(ctx context.Context, b *block) error {
	select {
	case p.tokens <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	b.seq = p.seq
	p.seq++
	p.work <- b
	return nil
}

// read cuts every input into blocks that end on a line boundary.
func (p *pipeline) read(ctx context.Context, inputs []Input, counted *atomic.Int64) error {
	for _, in := range inputs {
		var n int64
		progress := func(d int64) {
			counted.Add(d)
			if p.opts.Progress != nil {
				p.opts.Progress(d)
			}
		}
		if done, err := p.tryMapped(ctx, in, progress); done || err != nil {
			if err != nil {
				return err
			}
			continue
		}
		r, closeFn, err := openInput(ctx, in, p.opts.Follow, &n, progress)
		if err != nil {
			if err := p.send(ctx, &block{file: in.Name(), first: true, last: true, openErr: err}); err != nil {
				return err
			}
			continue
		}
		err = p.readOne(ctx, in.Name(), r)
		closeFn()
		if err != nil {
			return err
		}
	}
	return nil
}

// tryMapped reads an uncompressed regular file through a read-only memory
// mapping, cutting blocks without copying. It reports done=false when the
// input is not such a file (stdin, compressed, followed, unmappable), and
// the normal reader takes over.
func (p *pipeline) tryMapped(ctx context.Context, in Input, progress func(int64)) (bool, error) {
	if in.Path == "-" || p.opts.Follow {
		return false, nil
	}
	f, err := os.Open(in.Path)
	if err != nil {
		return false, nil
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() < 4096 {
		return false, nil
	}
	var magic [4]byte
	if _, err := f.ReadAt(magic[:], 0); err != nil || bytes.HasPrefix(magic[:], gzipMagic) || bytes.HasPrefix(magic[:], zstdMagic) {
		return false, nil
	}
	data, err := mapFile(f, st.Size())
	if err != nil {
		return false, nil
	}
	p.mu.Lock()
	p.mappings = append(p.mappings, data)
	p.mu.Unlock()
	name := in.Name()
	first := true
	for pos := 0; pos < len(data); {
		if err := ctx.Err(); err != nil {
			return true, err
		}
		end := min(pos+p.opts.BlockSize, len(data))
		oversize := int64(0)
		if end < len(data) {
			if k := bytes.LastIndexByte(data[pos:end], '\n'); k >= 0 {
				end = pos + k + 1
			} else if nl := bytes.IndexByte(data[end:], '\n'); nl < 0 {
				end = len(data)
			} else {
				end += nl + 1
			}
			if end-pos > p.opts.MaxEntryBytes && bytes.IndexByte(data[pos:end-1], '\n') < 0 {
				oversize = int64(end - pos - 1)
			}
		}
		blk := &block{file: name, first: first, last: end >= len(data), mapping: data, off: pos}
		switch {
		case oversize > 0:
			blk.data, blk.oversize = []byte{'\n'}, oversize
		case end >= len(data) && data[end-1] != '\n':
			if end-pos > p.opts.MaxEntryBytes && bytes.IndexByte(data[pos:end], '\n') < 0 {
				blk.data, blk.oversize = []byte{'\n'}, int64(end-pos)
			} else {
				blk.data = append(append(make([]byte, 0, end-pos+1), data[pos:end]...), '\n')
			}
		default:
			blk.data = data[pos:end:end]
		}
		blk.end = end
		if err := p.send(ctx, blk); err != nil {
			return true, err
		}
		progress(int64(end - pos))
		first = false
		pos = end
	}
	return true, nil
}

func (p *pipeline) unmapAll() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, m := range p.mappings {
		unmapFile(m)
	}
	p.mappings = nil
}

func (p *pipeline) getBuf() []byte {
	return *(p.pool.Get().(*[]byte))
}

func (p *pipeline) readOne(ctx context.Context, name string, r io.Reader) error {
	first := true
	var leftover []byte
	size := p.opts.BlockSize
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		if size <= len(leftover) {
			// The carried partial line must fit with room to spare.
			size = len(leftover) + p.opts.BlockSize
		}
		var buf []byte
		pooled := size == p.opts.BlockSize
		if pooled {
			buf = p.getBuf()
		} else {
			buf = make([]byte, size)
		}
		n := copy(buf, leftover)
		var rerr error
		eof := false
		for n < len(buf) {
			m, err := r.Read(buf[n:])
			n += m
			if err != nil {
				if errors.Is(err, io.EOF) {
					eof = true
				} else {
					rerr = err
				}
				break
			}
			if p.opts.Follow && m > 0 && bytes.IndexByte(buf[n-m:n], '\n') >= 0 {
				break
			}
		}
		data := buf[:n]
		if eof || rerr != nil {
			if len(data) > 0 && data[len(data)-1] != '\n' {
				data = append(data, '\n')
				pooled = pooled && cap(data) == p.opts.BlockSize
			}
			return p.send(ctx, &block{file: name, first: first, last: true, data: data, pooled: pooled, readErr: rerr})
		}
		k := bytes.LastIndexByte(data, '\n')
		if k < 0 {
			if pooled {
				// Not handed on: give it back before growing.
				leftover = append([]byte(nil), data...)
				p.pool.Put(&buf)
			} else {
				leftover = data
			}
			if size < p.opts.MaxEntryBytes {
				size = min(2*size, p.opts.MaxEntryBytes)
				continue
			}
			// A line longer than any entry we accept: skip to its end.
			skipped, rest, err := skipLine(r, int64(len(leftover)))
			last := err != nil
			var rerr error
			if err != nil && !errors.Is(err, io.EOF) {
				rerr = err
			}
			if err := p.send(ctx, &block{file: name, first: first, last: last && len(rest) == 0, data: []byte{'\n'}, oversize: skipped, readErr: rerr}); err != nil {
				return err
			}
			first = false
			if last && len(rest) == 0 {
				return nil
			}
			leftover = rest
			size = p.opts.BlockSize
			continue
		}
		leftover = append(leftover[:0:0], data[k+1:]...)
		if err := p.send(ctx, &block{file: name, first: first, data: data[:k+1], pooled: pooled}); err != nil {
			return err
		}
		first = false
		size = p.opts.BlockSize
	}
}

// skipLine discards input up to and including the next newline and returns
// how many bytes the line had in total and what followed the newline in the
// last chunk read.
func skipLine(r io.Reader, already int64) (int64, []byte, error) {
	buf := make([]byte, 64<<10)
	total := already
	for {
		n, err := r.Read(buf)
		if k := bytes.IndexByte(buf[:n], '\n'); k >= 0 {
			total += int64(k)
			return total, append([]byte(nil), buf[k+1:n]...), nil
		}
		total += int64(n)
		if err != nil {
			return total, nil, err
		}
	}
}

// isStarter reports whether a line can begin an entry: it does not begin
// with whitespace or a closing bracket (the shape of a pretty-printed
// object's inner lines) and holds a '{'.
func isStarter(line []byte) bool {
	if len(line) == 0 {
		return false
	}
	switch line[0] {
	case ' ', '\t', '\r', '}', ']':
		return false
	case '{':
		return true
	}
	return bytes.IndexByte(line, '{') >= 0
}

func isBlank(b []byte) bool {
	return len(bytes.TrimSpace(b)) == 0
}

// endsObject reports whether a line's last non-space byte closes an object.
func endsObject(line []byte) bool {
	for i := len(line) - 1; i >= 0; i-- {
		switch line[i] {
		case ' ', '\t', '\r':
			continue
		case '}':
			return true
		}
		return false
	}
	return false
}

// jsonStart finds where the JSON object begins in a starter line.
func (p *pipeline) jsonStart(line []byte) int {
	off := 0
	if len(p.prefix) > 0 {
		if i := bytes.Index(line, p.prefix); i >= 0 {
			off = i + len(p.prefix)
		}
	}
	k := bytes.IndexByte(line[off:], '{')
	if k < 0 {
		return off
	}
	return off + k
}

func (p *pipeline) wanted(b []byte) bool {
	if len(p.opts.Needles) == 0 {
		return true
	}
	for _, n := range p.opts.Needles {
		if !bytes.Contains(b, n) {
			return false
		}
	}
	return true
}

// frameSafe is frame with a fault in a mapped file (the file was truncated
// while being read) reported as a malformed block rather than a crash.
func (p *pipeline) frameSafe(dec *Decoder, blk *block) (res *result) {
	defer func() {
		if r := recover(); r != nil {
			if blk.mapping == nil {
				panic(r)
			}
			res = &result{blk: blk, malformed: []relMalformed{{1, fmt.Sprintf("file changed while being read (truncated?): %v", r)}}}
			blk.data = nil
		}
	}()
	return p.frame(dec, blk)
}

// frame cuts a block into entries and decodes them.
func (p *pipeline) frame(dec *Decoder, blk *block) *result {
	res := &result{blk: blk}
	data := blk.data
	if blk.openErr != nil || len(data) == 0 {
		return res
	}
	if blk.oversize > 0 {
		res.lines = 1
		res.malformed = append(res.malformed, relMalformed{1, fmt.Sprintf("line of %d bytes is longer than the entry limit of %d bytes, skipped", blk.oversize, p.opts.MaxEntryBytes)})
		return res
	}
	var line int64
	pos := 0
	// Head: lines before the first possible entry start.
	for pos < len(data) {
		e := bytes.IndexByte(data[pos:], '\n')
		if e < 0 {
			e = len(data) - pos
		}
		if isStarter(data[pos : pos+e]) {
			break
		}
		line++
		pos += e + 1
	}
	if pos > len(data) {
		pos = len(data)
	}
	res.head = data[:pos]
	res.headOnly = pos >= len(data)
	if pos == 0 && len(p.opts.Needles) > 0 && p.frameFast(dec, data, res) {
		return res
	}

	// One-line entries run 1-2 KB; reserving for that avoids regrowing a
	// slice of large structs for every block.
	res.entries = make([]Entry, 0, len(data)/1024+4)
	pendStart, pendLine := -1, int64(0)
	decode := func(obj []byte, at int64) {
		if !p.wanted(obj) {
			res.prefiltered++
			return
		}
		res.entries = append(res.entries, Entry{})
		e := &res.entries[len(res.entries)-1]
		e.Pos.Line = at
		if err := dec.Decode(obj, e); err != nil {
			res.entries = res.entries[:len(res.entries)-1]
			res.malformed = append(res.malformed, relMalformed{at, err.Error()})
		} else if !e.looksLikeAudit() {
			res.entries = res.entries[:len(res.entries)-1]
			res.malformed = append(res.malformed, relMalformed{at, errNotAudit})
		}
	}
	for pos < len(data) {
		e := bytes.IndexByte(data[pos:], '\n')
		if e < 0 {
			e = len(data) - pos
		}
		l := data[pos : pos+e]
		line++
		start := pos
		pos += e + 1
		if pendStart >= 0 {
			if !isStarter(l) {
				if len(l) > 0 && l[0] == '}' {
					decode(data[pendStart:start+e], pendLine)
					pendStart = -1
				}
				continue
			}
			res.malformed = append(res.malformed, relMalformed{pendLine, "truncated entry (a new entry starts before it ends)"})
			pendStart = -1
		}
		switch {
		case isStarter(l):
			js := p.jsonStart(l)
			if endsObject(l) {
				decode(l[js:], line)
			} else {
				pendStart, pendLine = start+js, line
			}
		case isBlank(l):
		default:
			res.malformed = append(res.malformed, relMalformed{line, "not an audit entry"})
		}
	}
	if pendStart >= 0 {
		res.tail = data[pendStart:]
		res.tailLine = pendLine
	}
	res.lines = int64(bytes.Count(data, []byte{'\n'}))
	return res
}

// frameFast is the pre-filter's fast path for blocks of one-line entries:
// it searches the whole block for the first needle and decodes only the
// lines that hold it, so most of the block is only scanned by SIMD
// searches. It gives up (and frame does the line-by-line work) when the
// block may hold a multi-line entry at a hit or at its end.
func (p *pipeline) frameFast(dec *Decoder, data []byte, res *result) bool {
	if last := lastLine(data); !isStarter(last) || !endsObject(last) {
		return false
	}
	needle := p.opts.Needles[0]
	type hit struct {
		start, end int
	}
	var hits []hit
	for pos := 0; pos < len(data); {
		k := bytes.Index(data[pos:], needle)
		if k < 0 {
			break
		}
		h := pos + k
		start := bytes.LastIndexByte(data[:h], '\n') + 1
		end := bytes.IndexByte(data[h:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += h
		}
		l := data[start:end]
		if !isStarter(l) || !endsObject(l) {
			return false
		}
		hits = append(hits, hit{start, end})
		pos = end + 1
	}
	res.lines = int64(bytes.Count(data, []byte{'\n'}))
	line, counted := int64(0), 0
	for _, h := range hits {
		line += int64(bytes.Count(data[counted:h.start], []byte{'\n'})) + 1
		counted = h.start
		l := data[h.start:h.end]
		obj := l[p.jsonStart(l):]
		if !p.wanted(obj) {
			continue
		}
		res.entries = append(res.entries, Entry{})
		e := &res.entries[len(res.entries)-1]
		e.Pos.Line = line
		if err := dec.Decode(obj, e); err != nil {
			res.entries = res.entries[:len(res.entries)-1]
			res.malformed = append(res.malformed, relMalformed{line, err.Error()})
		} else if !e.looksLikeAudit() {
			res.entries = res.entries[:len(res.entries)-1]
			res.malformed = append(res.malformed, relMalformed{line, errNotAudit})
		}
	}
	res.prefiltered = res.lines - int64(len(res.entries)+len(res.malformed))
	return true
}

func lastLine(data []byte) []byte {
	end := len(data)
	if end > 0 && data[end-1] == '\n' {
		end--
	}
	return data[bytes.LastIndexByte(data[:end], '\n')+1 : end]
}

// consumer turns ordered results into calls of fn and keeps per-input state:
// line numbering and entries that span blocks.
type consumer struct {
	p         *pipeline
	st        *Stats
	fn        func(*Entry) error
	dec       *Decoder
	base      int64
	carry     []byte
	carryLine int64
	carryFile string
	entry     Entry
}

func (c *consumer) mal(file string, line int64, reason string) {
	c.st.malformed(file, line, reason, c.p.opts.MaxMalformedSamples)
}

func (c *consumer) flushCarry(final bool) error {
	if c.carry == nil {
		return nil
	}
	obj := c.carry
	c.carry = nil
	if !c.p.wanted(obj) {
		if final {
			c.mal(c.carryFile, c.carryLine, "truncated entry at end of input")
		} else {
			c.st.Prefiltered++
		}
		return nil
	}
	c.entry.Pos = Position{File: c.carryFile, Line: c.carryLine}
	// A decoding failure is counted, not returned: malformed input never
	// stops a run.
	if reason := errText(c.dec.Decode(obj, &c.entry)); reason != "" {
		if final {
			reason = "truncated entry at end of input: " + reason
		}
		c.mal(c.carryFile, c.carryLine, reason)
		return nil
	}
	if !c.entry.looksLikeAudit() {
		c.mal(c.carryFile, c.carryLine, errNotAudit)
		return nil
	}
	c.st.Entries++
	return c.fn(&c.entry)
}

func (c *consumer) process(r *result) error {
	blk := r.blk
	if blk.first {
		c.base, c.carry = 0, nil
		c.st.Files++
	}
	// An input that cannot be opened is reported and skipped, like a
	// malformed entry.
	if reason := errText(blk.openErr); reason != "" {
		c.mal(blk.file, 0, reason)
		return nil
	}
	if c.carry != nil {
		c.carry = append(c.carry, r.head...)
		if len(c.carry) > c.p.opts.MaxEntryBytes {
			c.mal(c.carryFile, c.carryLine, fmt.Sprintf("multi-line entry longer than the limit of %d bytes, skipped", c.p.opts.MaxEntryBytes))
			c.carry = nil
		} else if !r.headOnly {
			if err := c.flushCarry(false); err != nil {
				return err
			}
		}
	} else if len(r.head) > 0 && !isBlank(r.head) {
		c.mal(blk.file, c.base+1, "lines outside any audit entry")
	}
	for i := range r.entries {
		e := &r.entries[i]
		e.Pos.File = blk.file
		e.Pos.Line += c.base
		c.st.Entries++
		if err := c.fn(e); err != nil {
			return err
		}
	}
	for _, m := range r.malformed {
		c.mal(blk.file, c.base+m.line, m.reason)
	}
	c.st.Prefiltered += r.prefiltered
	if r.tail != nil {
		c.carry = append([]byte(nil), r.tail...)
		c.carryLine = c.base + r.tailLine
		c.carryFile = blk.file
	}
	c.base += r.lines
	c.st.Lines += r.lines
	if c.p.opts.LineProgress != nil {
		c.p.opts.LineProgress(r.lines)
	}
	if blk.last {
		if err := c.flushCarry(true); err != nil {
			return err
		}
		if blk.readErr != nil {
			c.mal(blk.file, c.base, "read: "+blk.readErr.Error())
		}
	}
	return nil
}

// errText is err's message, or "" for nil.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
