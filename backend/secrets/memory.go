package secrets

import (
	"context"
	"sync"
)

// Memory is an in-process Vault for unit tests. It is safe for concurrent use.
// FailWith, when set, makes every call fail with that error (to simulate a locked keyring).
type Memory struct {
	mu       sync.Mutex
	values   map[string]string
	FailWith error
}

// NewMemory returns an empty in-memory vault.
func NewMemory() *Memory {
	return &Memory{values: map[string]string{}}
}

// Get implements Vault.
func (m *Memory) Get(_ context.Context, key string) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.FailWith != nil {
		return "", m.FailWith
	}
	v, ok := m.values[key]
	if !ok {
		return "", ErrNotFound
	}
	return v, nil
}

// Set implements Vault.
func (m *Memory) Set(_ context.Context, key, value string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.FailWith != nil {
		return m.FailWith
	}
	if len(value) > MaxValueBytes {
		return ErrTooBig
	}
	m.values[key] = value
	return nil
}

// Delete implements Vault.
func (m *Memory) Delete(_ context.Context, key string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.FailWith != nil {
		return m.FailWith
	}
	delete(m.values, key)
	return nil
}

// Check implements Vault.
func (m *Memory) Check(context.Context) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.FailWith
}

// SetFailure makes every later call fail with err (nil restores normal behaviour).
func (m *Memory) SetFailure(err error) {
	m.mu.Lock()
	m.FailWith = err
	m.mu.Unlock()
}
