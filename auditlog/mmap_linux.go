package auditlog

import (
	"os"
	"syscall"
)

// mapFile maps a regular file read-only. Reading a mapped file costs no
// copy: workers search the page cache directly, which is what lets who-read
// keep up with grep on one core's worth of memory bandwidth.
func mapFile(f *os.File, size int64) ([]byte, error) {
	if size <= 0 || int64(int(size)) != size {
		return nil, syscall.EINVAL
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, err
	}
	_ = syscall.Madvise(data, syscall.MADV_SEQUENTIAL)
	return data, nil
}

func unmapFile(data []byte) { _ = syscall.Munmap(data) }

// releasePages drops data[from:to]'s whole pages from the process: they
// stay in the page cache, but stop counting as resident memory, so RSS does
// not grow with the file. Touching them again re-reads the cache.
func releasePages(data []byte, from, to int) {
	ps := os.Getpagesize()
	from = (from / ps) * ps
	to = (to / ps) * ps
	if to > from {
		_ = syscall.Madvise(data[from:to], syscall.MADV_DONTNEED)
	}
}
