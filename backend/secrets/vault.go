// Package secrets keeps platform tokens in the OS keyring and nowhere else.
//
// Everything that needs a token asks a Vault. The database stores only the
// key under which a token lives (an account id), never the token itself.
package secrets

import (
	"context"
	"errors"
	"fmt"
)

// Service is the keyring service name every CreatorDesk secret is stored under.
const Service = "CreatorDesk"

// Errors a Vault reports. Callers tell them apart with errors.Is.
var (
	// ErrNotFound: there is no secret under that key.
	ErrNotFound = errors.New("secrets: not found")
	// ErrUnavailable: no keyring service answers (for example a headless Linux without a Secret Service).
	ErrUnavailable = errors.New("secrets: no keyring available")
	// ErrLocked: the keyring exists but is locked and could not be unlocked.
	ErrLocked = errors.New("secrets: keyring is locked")
	// ErrTimeout: the keyring did not answer in time (often a password prompt nobody sees).
	ErrTimeout = errors.New("secrets: keyring did not answer in time")
	// ErrTooBig: the value exceeds what the platform's keyring accepts in one entry.
	ErrTooBig = errors.New("secrets: value too large for one keyring entry")
)

// MaxValueBytes is the largest value stored in one entry (Windows caps a credential at 2,560 bytes).
const MaxValueBytes = 2560

// Vault stores and retrieves secrets by key.
type Vault interface {
	// Get returns the secret stored under key, or ErrNotFound.
	Get(ctx context.Context, key string) (string, error)
	// Set stores value under key, replacing any earlier value.
	Set(ctx context.Context, key, value string) error
	// Delete removes the secret under key; deleting a missing key is not an error.
	Delete(ctx context.Context, key string) error
	// Check reports whether the vault can be used now (nil when it can).
	Check(ctx context.Context) error
}

// AccountTokenKey is the vault key of an account's access token. Keys are
// namespaced by workspace so that two workspaces (say, the demo and the real one)
// never read or overwrite each other's tokens.
func AccountTokenKey(workspaceID string, accountID int64) string {
	return fmt.Sprintf("%s/account/%d/token", workspaceID, accountID)
}
