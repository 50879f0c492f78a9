//go:build !linux

package desktop

import "errors"

// RaiseRunning is not available here: Wails' own single-instance messaging on
// Windows and macOS is reached only from inside wails.Run, so the second launch
// just reports that the app is already open.
func RaiseRunning(uniqueID string, args []string) error {
	return errors.ErrUnsupported
}
