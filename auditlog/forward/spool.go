package forward

import (
	"bufio"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
)

// Spool is a bounded FIFO of lines that never blocks its writer: up to
// memLines wait in memory, then lines spill to a file of at most maxBytes,
// and only beyond that are they dropped and counted. Order is kept: once
// something is on disk, new lines go to disk until it is drained.
type Spool struct {
	mu       sync.Mutex
	mem      chan []byte
	file     *os.File
	path     string
	maxBytes int64
	w, r     int64 // write and read offsets in the file
	wake     chan struct{}
	closed   bool
	// Dropped counts lines lost because memory and disk were full.
	Dropped atomic.Int64
	// Spilled counts lines that went through the disk.
	Spilled atomic.Int64
}

// NewSpool returns a spool; dir "" keeps it in memory only (maxBytes is
// then ignored), maxBytes 0 means 256 MiB.
func NewSpool(dir string, memLines int, maxBytes int64) (*Spool, error) {
	s := &Spool{mem: make(chan []byte, memLines), wake: make(chan struct{}, 1), maxBytes: maxBytes}
	if s.maxBytes <= 0 {
		s.maxBytes = 256 << 20
	}
	if dir != "" {
		f, err := os.CreateTemp(dir, "vaultguard-spool-*")
		if err != nil {
			return nil, fmt.Errorf("create spool in %s: %w", dir, err)
		}
		s.file, s.path = f, f.Name()
	}
	return s, nil
}

// Push queues a line without ever blocking.
func (s *Spool) Push(line []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		s.Dropped.Add(1)
		return
	}
	if s.w == s.r {
		select {
		case s.mem <- append([]byte(nil), line...):
			return
		default:
		}
	}
	if s.file == nil || s.w-s.r+int64(len(line))+4 > s.maxBytes {
		s.Dropped.Add(1)
		return
	}
	var hdr [4]byte
	binary.BigEndian.PutUint32(hdr[:], uint32(len(line)))
	if _, err := s.file.WriteAt(append(hdr[:], line...), s.w); err != nil {
		s.Dropped.Add(1)
		return
	}
	s.w += int64(4 + len(line))
	s.Spilled.Add(1)
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Drain moves lines to out, memory first, then disk, until ctx is done.
func (s *Spool) Drain(ctx context.Context, idx int, out chan<- Line) error {
	for {
		select {
		case b := <-s.mem:
			select {
			case out <- Line{Data: b, Source: idx, Start: -1, End: -1}:
			case <-ctx.Done():
				return nil
			}
			continue
		default:
		}
		if b, ok := s.readDisk(); ok {
			select {
			case out <- Line{Data: b, Source: idx, Start: -1, End: -1}:
			case <-ctx.Done():
				return nil
			}
			continue
		}
		select {
		case b := <-s.mem:
			select {
			case out <- Line{Data: b, Source: idx, Start: -1, End: -1}:
			case <-ctx.Done():
				return nil
			}
		case <-s.wake:
		case <-ctx.Done():
			return nil
		}
	}
}

func (s *Spool) readDisk() ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.file == nil || s.r >= s.w {
		return nil, false
	}
	var hdr [4]byte
	if _, err := s.file.ReadAt(hdr[:], s.r); err != nil {
		return nil, false
	}
	n := int64(binary.BigEndian.Uint32(hdr[:]))
	b := make([]byte, n)
	if _, err := io.ReadFull(io.NewSectionReader(s.file, s.r+4, n), b); err != nil {
		return nil, false
	}
	s.r += 4 + n
	if s.r == s.w {
		s.r, s.w = 0, 0
		_ = s.file.Truncate(0)
	}
	return b, true
}

// Close removes the spool file. Lines still on it are lost and counted.
func (s *Spool) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	if s.file == nil {
		return nil
	}
	if s.w > s.r {
		// Count what is left: walk the frames.
		br := bufio.NewReader(io.NewSectionReader(s.file, s.r, s.w-s.r))
		for {
			var hdr [4]byte
			if _, err := io.ReadFull(br, hdr[:]); err != nil {
				break
			}
			if _, err := br.Discard(int(binary.BigEndian.Uint32(hdr[:]))); err != nil {
				break
			}
			s.Dropped.Add(1)
		}
	}
	s.file.Close()
	return os.Remove(s.path)
}
