//go:build !linux

package auditlog

import (
	"errors"
	"os"
)

func mapFile(*os.File, int64) ([]byte, error) {
	return nil, errors.New("mmap not used on this platform")
}

func unmapFile([]byte) {}

func releasePages([]byte, int, int) {}
