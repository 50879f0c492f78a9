package workspace

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
	"creatordesk/backend/sync"
)

// machineIDFile names this computer's id in the data folder. In a team
// database it keeps one computer's settings (who is working here) apart from
// the teammates'.
const machineIDFile = "machine.id"

// machineID reads this data folder's machine id, creating it (0600) on first use.
func machineID(dir string) (string, error) {
	path := filepath.Join(dir, machineIDFile)
	raw, err := os.ReadFile(path)
	if err == nil && len(strings.TrimSpace(string(raw))) >= 8 {
		return strings.TrimSpace(string(raw)), nil
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	var b [8]byte
	_, _ = rand.Read(b[:])
	id := hex.EncodeToString(b[:])
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	return id, os.WriteFile(path, []byte(id+"\n"), 0o600)
}

// tokenHerePolicy refuses, before anything is stored, a send from an account
// that is signed in on another member's computer only (team mode): the
// member is told to reconnect it here (errors.teamdb.no_token).
type tokenHerePolicy struct{ engine *sync.Engine }

// Check implements inbox.Policy.
func (p tokenHerePolicy) Check(ctx context.Context, conv store.Conversation, _ *inbox.SendRequest) error {
	return p.engine.CheckSend(ctx, conv.AccountID)
}
