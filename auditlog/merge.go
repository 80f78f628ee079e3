package auditlog

import (
	"context"
	"errors"
	"sync"
)

// deviceGroups splits inputs into one group per audit device: files that
// share a rotation stem (audit.log, audit.log.1, audit.log.2.gz) are one
// device's history, read in order; stdin is its own group.
func deviceGroups(inputs []Input) [][]Input {
	var groups [][]Input
	index := map[string]int{}
	for _, in := range inputs {
		key := "\x00stdin"
		if in.Path != "-" {
			key, _ = stem(in.Path)
		}
		i, ok := index[key]
		if !ok {
			i = len(groups)
			index[key] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], in)
	}
	return groups
}

// mergeBatch is how many entries a device stream hands over at once.
const mergeBatch = 256

type deviceStream struct {
	ch    chan []Entry
	cur   []Entry
	i     int
	stats *Stats
	err   error
}

// ScanDevices is Scan for the logs of several audit devices of one cluster:
// each device's files are scanned concurrently and their entries merged by
// time, so the copies one request left in every device arrive close
// together and the joiner's bounded de-duplication window catches them
// however long the logs are. With one device it is Scan.
func ScanDevices(ctx context.Context, inputs []Input, opts Options, fn func(*Entry) error) (*Stats, error) {
	groups := deviceGroups(inputs)
	if len(groups) <= 1 {
		return Scan(ctx, inputs, opts, fn)
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	streams := make([]*deviceStream, len(groups))
	var wg sync.WaitGroup
	for gi, g := range groups {
		s := &deviceStream{ch: make(chan []Entry, 4)}
		streams[gi] = s
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(s.ch)
			batch := make([]Entry, 0, mergeBatch)
			s.stats, s.err = Scan(ctx, g, opts, func(e *Entry) error {
				batch = append(batch, *e)
				if len(batch) == mergeBatch {
					select {
					case s.ch <- batch:
					case <-ctx.Done():
						return ctx.Err()
					}
					batch = make([]Entry, 0, mergeBatch)
				}
				return nil
			})
			if len(batch) > 0 && s.err == nil {
				select {
				case s.ch <- batch:
				case <-ctx.Done():
				}
			}
		}()
	}
	// next returns the stream's head entry, fetching a batch when needed.
	next := func(s *deviceStream) *Entry {
		for s.i >= len(s.cur) {
			b, ok := <-s.ch
			if !ok {
				return nil
			}
			s.cur, s.i = b, 0
		}
		return &s.cur[s.i]
	}
	var fnErr error
	for fnErr == nil {
		var best *deviceStream
		var bestE *Entry
		for _, s := range streams {
			e := next(s)
			if e == nil {
				continue
			}
			// Entries without a time go first: they cannot be placed.
			if bestE == nil || e.Time.Before(bestE.Time) {
				best, bestE = s, e
			}
		}
		if best == nil {
			break
		}
		best.i++
		fnErr = fn(bestE)
	}
	cancel()
	for _, s := range streams {
		for range s.ch {
		}
	}
	wg.Wait()
	total := &Stats{}
	var scanErr error
	for _, s := range streams {
		if s.stats != nil {
			total.Files += s.stats.Files
			total.Bytes += s.stats.Bytes
			total.Lines += s.stats.Lines
			total.Entries += s.stats.Entries
			total.Prefiltered += s.stats.Prefiltered
			total.Malformed += s.stats.Malformed
			total.MalformedSamples = append(total.MalformedSamples, s.stats.MalformedSamples...)
		}
		if s.err != nil && !errors.Is(s.err, context.Canceled) && scanErr == nil {
			scanErr = s.err
		}
	}
	switch {
	case fnErr != nil:
		return total, fnErr
	case parent.Err() != nil:
		return total, parent.Err()
	}
	return total, scanErr
}
