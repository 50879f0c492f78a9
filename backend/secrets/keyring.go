package secrets

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/zalando/go-keyring"
)

// DefaultTimeout bounds every keyring call: a locked keyring on a desktop can
// otherwise wait forever for a password prompt.
const DefaultTimeout = 10 * time.Second

// probeKey is written and removed by Check to prove the keyring works.
const probeKey = "probe"

// Keyring is the Vault backed by the operating system's keyring
// (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows).
type Keyring struct {
	// Service namespaces the entries; Service by default.
	Service string
	// Timeout bounds each call; DefaultTimeout when zero.
	Timeout time.Duration
}

// NewKeyring returns a Vault over the OS keyring.
func NewKeyring() *Keyring {
	return &Keyring{Service: Service, Timeout: DefaultTimeout}
}

// Get implements Vault.
func (k *Keyring) Get(ctx context.Context, key string) (string, error) {
	var out string
	err := k.do(ctx, func() error {
		v, err := keyring.Get(k.Service, key)
		out = v
		return err
	})
	return out, err
}

// Set implements Vault.
func (k *Keyring) Set(ctx context.Context, key, value string) error {
	if len(value) > MaxValueBytes {
		return ErrTooBig
	}
	return k.do(ctx, func() error { return keyring.Set(k.Service, key, value) })
}

// Delete implements Vault.
func (k *Keyring) Delete(ctx context.Context, key string) error {
	err := k.do(ctx, func() error { return keyring.Delete(k.Service, key) })
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

// Check implements Vault by writing and deleting a probe entry.
func (k *Keyring) Check(ctx context.Context) error {
	if err := k.Set(ctx, probeKey, "ok"); err != nil {
		return err
	}
	return k.Delete(ctx, probeKey)
}

// do runs one keyring call with a timeout and maps its error.
func (k *Keyring) do(ctx context.Context, call func() error) error {
	timeout := k.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	done := make(chan error, 1)
	go func() { done <- call() }()
	select {
	case err := <-done:
		return mapKeyringError(err)
	case <-time.After(timeout):
		return ErrTimeout
	case <-ctx.Done():
		return ctx.Err()
	}
}

// mapKeyringError turns go-keyring's errors into this package's.
func mapKeyringError(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, keyring.ErrNotFound) {
		return ErrNotFound
	}
	if errors.Is(err, keyring.ErrSetDataTooBig) {
		return ErrTooBig
	}
	msg := strings.ToLower(err.Error())
	switch {
	case strings.Contains(msg, "unlock"), strings.Contains(msg, "locked"), strings.Contains(msg, "dismissed"):
		return errors.Join(ErrLocked, err)
	default:
		// No Secret Service on the bus, no D-Bus session, unsupported platform...
		return errors.Join(ErrUnavailable, err)
	}
}
