package sync

import (
	"context"
	"errors"
	"fmt"
	"time"

	"creatordesk/backend/secrets"
)

// Members without the token: in team mode each member's tokens stay in their
// own keyring, while the account and its status are shared in the database.
// An account whose token is not in this computer's keyring is signed in on
// another member's computer: this instance does not sync it (and does not mark
// it "needs reconnect" for everybody); a send from it is refused with
// NoTokenHereError, which tells the member how to send from here.

// TokenRecheck is how often a loop waiting for a token signed in elsewhere
// looks at this computer's keyring again.
const TokenRecheck = time.Minute

// NoTokenHereError: in team mode, the account's token is not in this
// computer's keyring (the account is signed in on another member's computer).
// It wraps ErrNoToken.
type NoTokenHereError struct {
	AccountID int64
	// Account is the account's display name.
	Account string
}

// Error describes the refusal.
func (e *NoTokenHereError) Error() string {
	return fmt.Sprintf("sync: %q is signed in on another member's computer; its token is not in this computer's keyring", e.Account)
}

// Unwrap makes errors.Is(err, ErrNoToken) hold.
func (e *NoTokenHereError) Unwrap() error { return ErrNoToken }

// ErrorKey names the translated message (see app.KeyedError).
func (e *NoTokenHereError) ErrorKey() (string, string, map[string]string) {
	return "no_token_here", "errors.teamdb.no_token", map[string]string{"account": e.Account}
}

// IsNoTokenHere reports whether err says the token is on another member's computer.
func IsNoTokenHere(err error) bool {
	var nt *NoTokenHereError
	return errors.As(err, &nt)
}

// team reports whether the workspace is shared by several members (a team
// database, or Team set).
func (e *Engine) team() bool {
	return e.Team || (e.Store != nil && e.Store.IsPostgres())
}

// CheckSend refuses, before anything is stored, a send from an account signed
// in on another member's computer (team mode, no token in this computer's
// keyring) with a *NoTokenHereError. Anything else is left to the send itself.
// It has the shape of a send-gate rule (inbox.Policy) minus the request.
func (e *Engine) CheckSend(ctx context.Context, accountID int64) error {
	if !e.team() {
		return nil
	}
	acc, err := e.Store.AccountByID(ctx, accountID)
	if err != nil {
		return nil // the gate reports a missing account itself
	}
	_, err = e.Vault.Get(ctx, secrets.AccountTokenKey(e.WorkspaceID, acc.ID))
	if errors.Is(err, secrets.ErrNotFound) {
		return &NoTokenHereError{AccountID: acc.ID, Account: acc.Name}
	}
	return nil
}
