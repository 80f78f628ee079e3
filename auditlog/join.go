package auditlog

import (
	"encoding/hex"
	"hash/fnv"
	"time"
)

// Joined is one request: its request entry, its response entry, or both.
// A response entry repeats the whole request, so Resp alone is complete;
// Req alone means the response was not in the log.
type Joined struct {
	Req  *Entry
	Resp *Entry
}

// Main returns the entry that carries the most: the response if present.
func (j *Joined) Main() *Entry {
	if j.Resp != nil {
		return j.Resp
	}
	return j.Req
}

// Time is when the request was made: the request entry's time if present.
func (j *Joined) Time() time.Time {
	if j.Req != nil && !j.Req.Time.IsZero() {
		return j.Req.Time
	}
	return j.Main().Time
}

// JoinOptions bound the joiner's memory.
type JoinOptions struct {
	// Window is how long a request waits for its response, in log time
	// (0: 2 minutes; Vault's default max_request_duration is 90s).
	Window time.Duration
	// MaxPending bounds requests waiting for a response (0: 100000).
	MaxPending int
	// DedupeSize is how many recent request.id+type keys are remembered to
	// drop the copies other audit devices wrote (0: 65536). Devices' logs
	// are merged by time (ScanDevices), so the window only has to cover the
	// skew between devices, not a whole log.
	DedupeSize int
}

// JoinStats counts what the joiner did.
type JoinStats struct {
	Duplicates int64
	NoResponse int64
	Orphans    int64
}

// Joiner pairs request and response entries on request.id within a bounded
// window and drops duplicates from other devices. It is fed in log order
// from one goroutine.
type Joiner struct {
	opts    JoinOptions
	emit    func(*Joined) error
	pending map[string]*Entry
	queue   []string // request ids in arrival order; answered ones are skipped
	qhead   int
	seen    map[[17]byte]struct{}
	ring    [][17]byte
	ringPos int
	latest  time.Time
	Stats   JoinStats
}

// NewJoiner returns a Joiner that calls emit for every request. emit may
// keep a Joined's request entry but not its response entry, which is only
// valid during the call.
func NewJoiner(opts JoinOptions, emit func(*Joined) error) *Joiner {
	if opts.Window <= 0 {
		opts.Window = 2 * time.Minute
	}
	if opts.MaxPending <= 0 {
		opts.MaxPending = 100000
	}
	if opts.DedupeSize <= 0 {
		opts.DedupeSize = 1 << 16
	}
	return &Joiner{
		opts:    opts,
		emit:    emit,
		pending: map[string]*Entry{},
		seen:    make(map[[17]byte]struct{}, 1024),
		ring:    make([][17]byte, 0, 1024),
	}
}

// dedupeKey packs request.id (a UUID: 16 bytes; anything else: a 128-bit
// FNV hash) and the entry kind into a fixed-size key.
func dedupeKey(id string, kind byte) [17]byte {
	var k [17]byte
	k[16] = kind
	if len(id) == 36 && id[8] == '-' && id[13] == '-' && id[18] == '-' && id[23] == '-' {
		var hexs [32]byte
		copy(hexs[0:8], id[0:8])
		copy(hexs[8:12], id[9:13])
		copy(hexs[12:16], id[14:18])
		copy(hexs[16:20], id[19:23])
		copy(hexs[20:32], id[24:36])
		if _, err := hex.Decode(k[:16], hexs[:]); err == nil {
			return k
		}
	}
	h := fnv.New128a()
	h.Write([]byte(id))
	copy(k[:16], h.Sum(nil))
	return k
}

func (j *Joiner) duplicate(id, typ string) bool {
	kind := byte(len(typ))
	if len(typ) > 0 {
		kind ^= typ[0] ^ typ[len(typ)-1]<<4
	}
	k := dedupeKey(id, kind)
	if _, ok := j.seen[k]; ok {
		return true
	}
	if len(j.ring) < j.opts.DedupeSize {
		j.ring = append(j.ring, k)
	} else {
		delete(j.seen, j.ring[j.ringPos])
		j.ring[j.ringPos] = k
		j.ringPos = (j.ringPos + 1) % len(j.ring)
	}
	j.seen[k] = struct{}{}
	return false
}

// Add takes the next entry in log order. The entry is copied if kept.
func (j *Joiner) Add(e *Entry) error {
	if e.Time.After(j.latest) {
		j.latest = e.Time
	}
	id := e.Request.ID
	switch {
	case id == "" || (!e.IsRequest() && !e.IsResponse()):
		// help requests have no id; unknown types are passed through.
		c := *e
		if e.IsRequest() {
			return j.emit(&Joined{Req: &c})
		}
		return j.emit(&Joined{Resp: &c})
	case j.duplicate(id, e.Type):
		j.Stats.Duplicates++
		return nil
	case e.IsRequest():
		c := *e
		if _, ok := j.pending[id]; !ok {
			j.queue = append(j.queue, id)
		}
		j.pending[id] = &c
	default:
		// The response is only lent to emit, which must not keep it.
		req := j.pending[id]
		if req != nil {
			delete(j.pending, id)
		} else {
			j.Stats.Orphans++
		}
		if err := j.emit(&Joined{Req: req, Resp: e}); err != nil {
			return err
		}
	}
	return j.evict(false)
}

// evict reports requests that waited longer than the window (or all of
// them at the end) as having no response.
func (j *Joiner) evict(all bool) error {
	for j.qhead < len(j.queue) {
		id := j.queue[j.qhead]
		req, ok := j.pending[id]
		if ok && !all && len(j.pending) <= j.opts.MaxPending && j.latest.Sub(req.Time) <= j.opts.Window {
			break
		}
		j.queue[j.qhead] = ""
		j.qhead++
		if ok {
			delete(j.pending, id)
			j.Stats.NoResponse++
			if err := j.emit(&Joined{Req: req}); err != nil {
				return err
			}
		}
	}
	// Compact the queue so its backing array does not grow forever.
	if j.qhead > 4096 && j.qhead*2 > len(j.queue) {
		n := copy(j.queue, j.queue[j.qhead:])
		j.queue = j.queue[:n]
		j.qhead = 0
	}
	return nil
}

// Flush reports every request still waiting; call it at the end of input.
func (j *Joiner) Flush() error { return j.evict(true) }
