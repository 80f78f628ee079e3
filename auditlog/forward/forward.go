package forward

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vaultguard/vaultguard/auditlog"
	"github.com/vaultguard/vaultguard/auditlog/detect"
	"github.com/vaultguard/vaultguard/auditlog/sink"
	report "github.com/vaultguard/vaultguard/report/audit"
)

// Output is one sink with its format.
type Output struct {
	Sink   sink.Sink
	Format sink.Format
}

// Config says what to read, what to evaluate and where to send it.
type Config struct {
	Sources []Source
	// Engine evaluates detectors (nil: no alerts).
	Engine *detect.Engine
	// Events receives every event, Alerts every alert (either may be nil;
	// both may be the same sink).
	Events, Alerts *Output
	// BatchSize is the most items per Send (0: 500); FlushEvery sends a
	// partial batch after this long (0: 1s).
	BatchSize  int
	FlushEvery time.Duration
	// QueueBatches bounds the batches waiting for the sinks (0: 4): when
	// full, the reader waits.
	QueueBatches int
	// Checkpoint is the checkpoint file (empty: none).
	Checkpoint string
	// Join bounds the request/response joiner.
	Join auditlog.JoinOptions
	// RetryBackoff bounds the wait between failed Sends (0: 100ms..30s).
	MinBackoff, MaxBackoff time.Duration
	// OnAck, if set, is called after each acknowledged batch.
	OnAck func(items int)
	// Grace is how long sinks may take to acknowledge what was read once
	// the run is interrupted (0: 10s).
	Grace time.Duration
}

// Stats is what a run did.
type Stats struct {
	Lines      int64 `json:"lines"`
	Malformed  int64 `json:"malformed"`
	Events     int64 `json:"events"`
	Alerts     int64 `json:"alerts"`
	Batches    int64 `json:"batches"`
	SendErrors int64 `json:"send_errors"`
	Duplicates int64 `json:"duplicates"`
	NoResponse int64 `json:"no_response"`
}

type batch struct {
	items  []sink.Item
	resume map[int]Position
}

// Forwarder runs the pipeline. Stats is safe to read after Run returns.
type Forwarder struct {
	cfg   Config
	Stats Stats
	lines atomic.Int64
}

// linesSeen is Stats.Lines, safe to read while Run is going.
func (f *Forwarder) linesSeen() int64 { return f.lines.Load() }

// New returns a Forwarder.
func New(cfg Config) *Forwarder {
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 500
	}
	if cfg.FlushEvery <= 0 {
		cfg.FlushEvery = time.Second
	}
	if cfg.QueueBatches <= 0 {
		cfg.QueueBatches = 4
	}
	if cfg.MinBackoff <= 0 {
		cfg.MinBackoff = 100 * time.Millisecond
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = 30 * time.Second
	}
	if cfg.Grace <= 0 {
		cfg.Grace = 10 * time.Second
	}
	return &Forwarder{cfg: cfg}
}

// pendingTracker remembers where each request entry still waiting for its
// response started, so the checkpoint never moves past it.
type pendingTracker struct {
	start map[string]pend
	order []string
	head  int
}

type pend struct {
	src int
	off int64
	t   time.Time
}

func (p *pendingTracker) add(id string, src int, off int64, t time.Time) {
	if _, ok := p.start[id]; ok {
		return
	}
	p.start[id] = pend{src, off, t}
	p.order = append(p.order, id)
}

// min returns the oldest pending start of src, dropping entries the
// joiner has resolved or that are older than window (in log time).
func (p *pendingTracker) min(src int, now time.Time, window time.Duration) (int64, bool) {
	for p.head < len(p.order) {
		pe, ok := p.start[p.order[p.head]]
		if ok && now.Sub(pe.t) <= window {
			break
		}
		if ok {
			delete(p.start, p.order[p.head])
		}
		p.head++
	}
	if p.head > 4096 && p.head*2 > len(p.order) {
		p.order = append(p.order[:0], p.order[p.head:]...)
		p.head = 0
	}
	best, found := int64(0), false
	for i := p.head; i < len(p.order); i++ {
		pe, ok := p.start[p.order[i]]
		if ok && pe.src == src {
			// Requests arrive in offset order per source: the first is the least.
			return pe.off, true
		}
	}
	return best, found
}

// Run reads every source to its end (or until ctx is done), then flushes
// and waits for the sinks. With a checkpoint, file sources resume from it.
func (f *Forwarder) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cp := &Checkpoint{Version: 1, Sources: map[string]Position{}}
	if f.cfg.Checkpoint != "" {
		var err error
		if cp, err = LoadCheckpoint(f.cfg.Checkpoint); err != nil {
			return err
		}
		for _, s := range f.cfg.Sources {
			if fs, ok := s.(*FileSource); ok {
				fs.Start = cp.Resume(fs.Path)
			}
		}
	}
	lines := make(chan Line, 1024)
	queue := make(chan batch, f.cfg.QueueBatches)
	srcErr := make(chan error, len(f.cfg.Sources))
	var srcWG sync.WaitGroup
	for i, s := range f.cfg.Sources {
		srcWG.Add(1)
		go func() {
			defer srcWG.Done()
			if err := s.Run(ctx, i, lines); err != nil && !errors.Is(err, context.Canceled) {
				srcErr <- fmt.Errorf("source %s: %w", s.Name(), err)
				cancel()
			}
		}()
	}
	go func() { srcWG.Wait(); close(lines) }()
	// Sinks get a grace period after an interruption to acknowledge what
	// was read (Ctrl-C drains and flushes); then sending is cancelled too.
	sendCtx, sendCancel := context.WithCancel(context.WithoutCancel(ctx))
	defer sendCancel()
	stopGrace := context.AfterFunc(ctx, func() {
		t := time.NewTimer(f.cfg.Grace)
		defer t.Stop()
		select {
		case <-t.C:
			sendCancel()
		case <-sendCtx.Done():
		}
	})
	defer stopGrace()
	sendErr := make(chan error, 1)
	go func() { sendErr <- f.send(sendCtx, queue, cp) }()
	perr := f.process(ctx, sendCtx, lines, queue)
	close(queue)
	serr := <-sendErr
	sendCancel()
	select {
	case e := <-srcErr:
		return e
	default:
	}
	if perr != nil && !errors.Is(perr, context.Canceled) {
		return perr
	}
	return serr
}

// process is the one goroutine that decodes, joins, detects and batches.
func (f *Forwarder) process(ctx, sendCtx context.Context, lines <-chan Line, queue chan<- batch) error {
	dec := auditlog.NewDecoder()
	red := auditlog.NewRedactor()
	trk := &pendingTracker{start: map[string]pend{}}
	window := f.cfg.Join.Window
	if window <= 0 {
		window = 2 * time.Minute
	}
	cur := map[int]Position{}
	var items []sink.Item
	var latest time.Time
	emitErr := error(nil)
	join := auditlog.NewJoiner(f.cfg.Join, func(j *auditlog.Joined) error {
		if j.Req != nil {
			delete(trk.start, j.Req.Request.ID)
		} else if j.Resp != nil {
			delete(trk.start, j.Resp.Request.ID)
		}
		ev := detect.FromJoined(j, red)
		if ev.Outcome == report.OutcomeNoResponse {
			f.Stats.NoResponse++
		}
		if f.cfg.Events != nil {
			rec := ev.Record
			items = append(items, sink.Item{Event: &rec})
			f.Stats.Events++
		}
		if f.cfg.Engine != nil {
			return f.cfg.Engine.Observe(&ev, func(a detect.Alert) error {
				f.Stats.Alerts++
				if f.cfg.Alerts != nil {
					items = append(items, sink.Item{Alert: &a})
				}
				return nil
			})
		}
		return nil
	})
	offsets := true
	for _, src := range f.cfg.Sources {
		if _, ok := src.(*FileSource); !ok {
			offsets = false
		}
	}
	flush := func(final bool) error {
		if final {
			if err := join.Flush(); err != nil {
				return fmt.Errorf("join: %w", err)
			}
		}
		if len(items) == 0 && len(cur) == 0 {
			return nil
		}
		res := make(map[int]Position, len(cur))
		for src, pos := range cur {
			if off, ok := trk.min(src, latest, window+time.Second); ok && off < pos.Offset && !final {
				pos.Offset = off
			}
			res[src] = pos
		}
		b := batch{items: items, resume: res}
		items = nil
		select {
		case queue <- b:
			return nil
		case <-sendCtx.Done():
			return sendCtx.Err()
		}
	}
	tick := time.NewTicker(f.cfg.FlushEvery)
	defer tick.Stop()
	var e auditlog.Entry
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				return flush(true)
			}
			f.Stats.Lines++
			f.lines.Add(1)
			e.Pos = auditlog.Position{File: "", Line: f.Stats.Lines}
			if err := dec.Decode(l.Data, &e); err != nil {
				f.Stats.Malformed++
			} else {
				if e.Time.After(latest) {
					latest = e.Time
				}
				red.Observe(&e)
				before := join.Stats.Duplicates
				if err := join.Add(&e); err != nil {
					emitErr = err
				}
				if d := join.Stats.Duplicates - before; d > 0 {
					// Another device's copy, dropped by the joiner: it
					// must not hold the checkpoint back.
					f.Stats.Duplicates += d
				} else if e.IsRequest() && e.Request.ID != "" && l.End >= 0 {
					// Waiting for its response: the checkpoint stays before it.
					trk.add(e.Request.ID, l.Source, l.Start, e.Time)
				}
				if emitErr != nil {
					return fmt.Errorf("detect: %w", emitErr)
				}
			}
			if l.End >= 0 {
				cur[l.Source] = Position{FileID: l.FileID, Offset: l.End}
			}
			if len(items) >= f.cfg.BatchSize {
				if err := flush(false); err != nil {
					return err
				}
			}
		case <-tick.C:
			if err := flush(false); err != nil {
				return err
			}
		case <-ctx.Done():
			// Interrupted: hand over what was processed. File sources keep
			// pending requests for the next run (the checkpoint stays
			// before them); a socket or stdin cannot replay, so its pending
			// requests go out now as no_response.
			if !offsets {
				if err := join.Flush(); err != nil {
					return fmt.Errorf("join: %w", err)
				}
			}
			if err := flush(false); err != nil {
				return err
			}
			return ctx.Err()
		}
	}
}

// send delivers batches in order, retrying each until every sink
// acknowledged it, then advances the checkpoint.
func (f *Forwarder) send(ctx context.Context, queue <-chan batch, cp *Checkpoint) error {
	var failed error
	for b := range queue {
		if failed != nil {
			continue // drain so the producer is not stuck
		}
		if err := f.deliver(ctx, b); err != nil {
			failed = err
			continue
		}
		f.Stats.Batches++
		if f.cfg.Checkpoint != "" && len(b.resume) > 0 {
			for src, pos := range b.resume {
				if fs, ok := f.cfg.Sources[src].(*FileSource); ok {
					cp.Sources[fs.Path] = pos
				}
			}
			if err := cp.Save(f.cfg.Checkpoint); err != nil {
				failed = err
				continue
			}
		}
		if f.cfg.OnAck != nil {
			f.cfg.OnAck(len(b.items))
		}
	}
	return failed
}

func (f *Forwarder) deliver(ctx context.Context, b batch) error {
	if len(b.items) == 0 {
		return nil
	}
	type part struct {
		out  *Output
		data [][]byte
	}
	var parts []part
	add := func(o *Output, it sink.Item) error {
		if o == nil {
			return nil
		}
		enc, err := sink.Encode(o.Format, it)
		if err != nil {
			return err
		}
		for i := range parts {
			if parts[i].out == o {
				parts[i].data = append(parts[i].data, enc)
				return nil
			}
		}
		parts = append(parts, part{out: o, data: [][]byte{enc}})
		return nil
	}
	for _, it := range b.items {
		o := f.cfg.Events
		if it.Alert != nil {
			o = f.cfg.Alerts
		}
		if err := add(o, it); err != nil {
			return err
		}
	}
	for _, p := range parts {
		wait := f.cfg.MinBackoff
		for {
			err := p.out.Sink.Send(ctx, p.data)
			if err == nil {
				break
			}
			f.Stats.SendErrors++
			var perm *sink.PermanentError
			if errors.As(err, &perm) {
				return fmt.Errorf("deliver: %w", err)
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("deliver: %w", ctx.Err())
			case <-time.After(wait):
			}
			wait = min(wait*2, f.cfg.MaxBackoff)
		}
	}
	return nil
}
