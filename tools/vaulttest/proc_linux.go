package vaulttest

import (
	"errors"
	"syscall"
)

// sysProcAttr asks the kernel to kill the server when the thread that started
// it dies, so a crashed or timed-out test binary leaves no vault behind. The
// starting goroutine stays locked to its thread for the life of the server
// (see Server.run), because the signal follows the thread, not the process.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// processGone reports whether no process has the given pid.
func processGone(pid int) bool {
	return errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}
