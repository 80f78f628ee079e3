//go:build !linux

package vaulttest

import "syscall"

// sysProcAttr has no parent-death signal outside Linux; the server is still
// killed by t.Cleanup or Main, but not when the test binary crashes.
func sysProcAttr() *syscall.SysProcAttr { return nil }

// processGone is never sure outside Linux, so nothing is swept there.
func processGone(int) bool { return false }
