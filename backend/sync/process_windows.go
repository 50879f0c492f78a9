//go:build windows

package sync

import (
	"errors"
	"os"
	"syscall"
)

// errInvalidParameter is Windows' ERROR_INVALID_PARAMETER: OpenProcess's
// answer for a process id no process has.
const errInvalidParameter = syscall.Errno(87)

// processGone reports whether no process with id pid runs on this machine
// (FindProcess opens the process on Windows; a process it may not open, such
// as another user's, counts as running).
func processGone(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return errors.Is(err, errInvalidParameter)
	}
	_ = p.Release()
	return false
}
