package detect

import (
	"container/list"
	"time"
)

// lru is a map capped in keys; the least recently touched key is evicted
// and counted when a new one would exceed the cap.
type lru[V any] struct {
	max     int
	m       map[string]*list.Element
	order   *list.List
	Evicted int64
}

type lruItem[V any] struct {
	key string
	val V
}

func newLRU[V any](max int) *lru[V] {
	return &lru[V]{max: max, m: map[string]*list.Element{}, order: list.New()}
}

// get returns the value for key, creating it with mk when absent.
func (l *lru[V]) get(key string, mk func() V) V {
	if el, ok := l.m[key]; ok {
		l.order.MoveToFront(el)
		return el.Value.(*lruItem[V]).val
	}
	if len(l.m) >= l.max {
		if back := l.order.Back(); back != nil {
			delete(l.m, back.Value.(*lruItem[V]).key)
			l.order.Remove(back)
			l.Evicted++
		}
	}
	it := &lruItem[V]{key: key, val: mk()}
	l.m[key] = l.order.PushFront(it)
	return it.val
}

// burst counts events per key in a sliding window of log time. Only the
// last Threshold timestamps are kept per key, so memory per key is fixed.
// After firing, a key is quiet for one window.
type burst struct {
	cfg  Burst
	keys *lru[*burstKey]
}

type burstKey struct {
	times []time.Time
	quiet time.Time
}

func newBurst(cfg Burst, maxKeys int) *burst {
	return &burst{cfg: cfg, keys: newLRU[*burstKey](maxKeys)}
}

// add records an event and reports whether the key just crossed the
// threshold, with the count inside the window.
func (b *burst) add(key string, t time.Time) (bool, int) {
	k := b.keys.get(key, func() *burstKey { return &burstKey{} })
	w := b.cfg.Window.D()
	cut := t.Add(-w)
	i := 0
	for i < len(k.times) && !k.times[i].After(cut) {
		i++
	}
	k.times = append(k.times[:0], k.times[i:]...)
	if len(k.times) >= b.cfg.Threshold {
		k.times = k.times[1:]
	}
	k.times = append(k.times, t)
	n := len(k.times)
	if n >= b.cfg.Threshold && !t.Before(k.quiet) {
		k.quiet = t.Add(w)
		return true, n
	}
	return false, n
}

// distinct counts distinct values per key in a sliding window; it keeps at
// most Threshold values per key.
type distinct struct {
	cfg  Burst
	keys *lru[*distinctKey]
}

type distinctKey struct {
	vals  map[string]time.Time
	quiet time.Time
}

func newDistinct(cfg Burst, maxKeys int) *distinct {
	return &distinct{cfg: cfg, keys: newLRU[*distinctKey](maxKeys)}
}

func (d *distinct) add(key, val string, t time.Time) (bool, int) {
	k := d.keys.get(key, func() *distinctKey { return &distinctKey{vals: map[string]time.Time{}} })
	cut := t.Add(-d.cfg.Window.D())
	for v, seen := range k.vals {
		if !seen.After(cut) {
			delete(k.vals, v)
		}
	}
	if _, ok := k.vals[val]; !ok && len(k.vals) >= d.cfg.Threshold {
		// Full: drop the oldest to keep the size fixed.
		var oldV string
		var oldT time.Time
		for v, seen := range k.vals {
			if oldV == "" || seen.Before(oldT) {
				oldV, oldT = v, seen
			}
		}
		delete(k.vals, oldV)
	}
	k.vals[val] = t
	n := len(k.vals)
	if n >= d.cfg.Threshold && !t.Before(k.quiet) {
		k.quiet = t.Add(d.cfg.Window.D())
		return true, n
	}
	return false, n
}
