package detect

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Store keeps what the learning detectors have seen: for a bucket
// ("identity", "address", "subnet", "read") and a key, when it was first
// seen. It is bounded: beyond its capacity the oldest keys are evicted and
// counted.
type Store interface {
	// Seen records key in bucket at t and returns when it was first seen
	// (t when it is new) and whether it is new.
	Seen(bucket, key string, t time.Time) (first time.Time, isNew bool, err error)
	// Evicted is how many keys were dropped to stay in bounds.
	Evicted() int64
	Close() error
}

// MemStore is a Store in memory, for batch runs: it forgets on exit.
type MemStore struct {
	keys *lru[time.Time]
}

var _ Store = (*MemStore)(nil)

// NewMemStore returns a MemStore holding at most max keys over all buckets.
func NewMemStore(max int) *MemStore { return &MemStore{keys: newLRU[time.Time](max)} }

// Seen implements Store.
func (m *MemStore) Seen(bucket, key string, t time.Time) (time.Time, bool, error) {
	isNew := false
	first := m.keys.get(bucket+"\x00"+key, func() time.Time { isNew = true; return t })
	return first, isNew, nil
}

// Evicted implements Store.
func (m *MemStore) Evicted() int64 { return m.keys.Evicted }

// Close implements Store.
func (m *MemStore) Close() error { return nil }

// BoltStore is a Store in a bbolt file, so learning survives restarts.
// Each bucket holds key -> first-seen time and an index bucket
// (time, key) -> nil used to evict the oldest keys beyond MaxPerBucket.
type BoltStore struct {
	db      *bolt.DB
	max     int
	evicted int64
	cache   *lru[time.Time]
}

var _ Store = (*BoltStore)(nil)

// OpenBoltStore opens (or creates) the store at path, keeping at most
// maxPerBucket keys per bucket.
func OpenBoltStore(path string, maxPerBucket int) (*BoltStore, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 5 * time.Second, NoSync: true})
	if err != nil {
		return nil, fmt.Errorf("open learning store %s: %w", path, err)
	}
	if maxPerBucket < 1 {
		maxPerBucket = 100000
	}
	return &BoltStore{db: db, max: maxPerBucket, cache: newLRU[time.Time](4096)}, nil
}

// Seen implements Store.
func (s *BoltStore) Seen(bucket, key string, t time.Time) (time.Time, bool, error) {
	ck := bucket + "\x00" + key
	hit := true
	first := s.cache.get(ck, func() time.Time { hit = false; return time.Time{} })
	if hit && !first.IsZero() {
		return first, false, nil
	}
	first, isNew := t, false
	err := s.db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists([]byte(bucket))
		if err != nil {
			return err
		}
		idx, err := tx.CreateBucketIfNotExists([]byte(bucket + ".idx"))
		if err != nil {
			return err
		}
		if v := b.Get([]byte(key)); len(v) == 8 {
			first = time.Unix(0, int64(binary.BigEndian.Uint64(v))).UTC()
			return nil
		}
		isNew = true
		var ts [8]byte
		binary.BigEndian.PutUint64(ts[:], uint64(t.UnixNano()))
		if err := b.Put([]byte(key), ts[:]); err != nil {
			return err
		}
		if err := idx.Put(append(ts[:], key...), nil); err != nil {
			return err
		}
		meta, err := tx.CreateBucketIfNotExists([]byte("_count"))
		if err != nil {
			return err
		}
		var n uint64
		if v := meta.Get([]byte(bucket)); len(v) == 8 {
			n = binary.BigEndian.Uint64(v)
		}
		n++
		for n > uint64(s.max) {
			c := idx.Cursor()
			k, _ := c.First()
			if k == nil {
				break
			}
			if err := b.Delete(k[8:]); err != nil {
				return err
			}
			if err := c.Delete(); err != nil {
				return err
			}
			s.evicted++
			n--
		}
		var nb [8]byte
		binary.BigEndian.PutUint64(nb[:], n)
		return meta.Put([]byte(bucket), nb[:])
	})
	if err != nil {
		return t, false, fmt.Errorf("learning store %s: %w", bucket, err)
	}
	if el, ok := s.cache.m[ck]; ok {
		el.Value.(*lruItem[time.Time]).val = first
	}
	return first, isNew, nil
}

// Evicted implements Store.
func (s *BoltStore) Evicted() int64 { return s.evicted }

// Close syncs and closes the file.
func (s *BoltStore) Close() error {
	return errors.Join(s.db.Sync(), s.db.Close())
}
