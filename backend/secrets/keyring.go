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
	return call(ctx, k.timeout(), func() (string, error) { return keyring.Get(k.Service, key) })
}

// Set implements Vault.
func (k *Keyring) Set(ctx context.Context, key, value string) error {
	if len(value) > MaxValueBytes {
		return ErrTooBig
	}
	_, err := call(ctx, k.timeout(), func() (struct{}, error) { return struct{}{}, keyring.Set(k.Service, key, value) })
	return err
}

// Delete implements Vault.
func (k *Keyring) Delete(ctx context.Context, key string) error {
	_, err := call(ctx, k.timeout(), func() (struct{}, error) { return struct{}{}, keyring.Delete(k.Service, key) })
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

// timeout is the bound on one keyring call.
func (k *Keyring) timeout() time.Duration {
	if k.Timeout == 0 {
		return DefaultTimeout
	}
	return k.Timeout
}

// result carries a keyring call's outcome out of its goroutine.
type result[T any] struct {
	value T
	err   error
}

// call runs fn with a timeout and maps its error. When the timeout or ctx wins,
// fn keeps running in its goroutine and its late result is dropped: nothing it
// writes is shared with the caller.
func call[T any](ctx context.Context, timeout time.Duration, fn func() (T, error)) (T, error) {
	done := make(chan result[T], 1)
	go func() {
		v, err := fn()
		done <- result[T]{v, err}
	}()
	var zero T
	select {
	case r := <-done:
		return r.value, mapKeyringError(r.err)
	case <-time.After(timeout):
		return zero, ErrTimeout
	case <-ctx.Done():
		return zero, ctx.Err()
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
