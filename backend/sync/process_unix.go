//go:build !windows

package sync

import (
	"errors"
	"syscall"
)

// processGone reports whether no process with id pid runs on this machine.
// A process of another user counts as running.
func processGone(pid int) bool {
	return errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}
