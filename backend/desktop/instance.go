package desktop

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
)

// ErrAlreadyRunning is returned by AcquireInstance when another CreatorDesk
// window already has the same data folder open.
var ErrAlreadyRunning = errors.New("desktop: CreatorDesk is already open on this data folder")

// lockFileName is the lock file inside the data folder.
const lockFileName = "instance.lock"

// InstanceLock is held by the one app window of a data folder for as long as
// it runs. The operating system drops it when the process ends, even on a
// crash, so a stale lock never keeps the app from starting.
type InstanceLock struct {
	file *os.File
}

// AcquireInstance takes the data folder's instance lock without waiting. It
// returns ErrAlreadyRunning when another process holds it.
func AcquireInstance(dataDir string) (*InstanceLock, error) {
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(dataDir, lockFileName), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := lockFile(f); err != nil {
		_ = f.Close()
		return nil, err
	}
	return &InstanceLock{file: f}, nil
}

// Release gives the lock up; safe to call more than once.
func (l *InstanceLock) Release() error {
	if l == nil || l.file == nil {
		return nil
	}
	err := l.file.Close()
	l.file = nil
	return err
}

// UniqueID names the app instance of one data folder for the window system's
// single-instance messaging: two data folders are two independent apps.
func UniqueID(dataDir string) string {
	abs, err := filepath.Abs(dataDir)
	if err != nil {
		abs = dataDir
	}
	sum := sha256.Sum256([]byte(abs))
	return "app.creatordesk.w" + hex.EncodeToString(sum[:6])
}
