package app

import (
	"errors"
	"os"

	"creatordesk/backend/secrets"
	"creatordesk/backend/workspace"
)

// OpenSession opens the workspace of cfg for the window. When the data folder
// is set to a team database that cannot be opened, the window must neither
// fall over nor quietly show the local workspace: the session then holds an
// empty placeholder workspace (in a temp dir, removed on close) and
// TeamDB.Status reports "unavailable" with the reason, so the window offers
// Retry and Work locally.
func OpenSession(cfg workspace.Config) (*Session, error) {
	ws, err := workspace.Open(cfg)
	var te *workspace.TeamOpenError
	if !errors.As(err, &te) {
		if err != nil {
			return nil, err
		}
		return NewSession(ws, false, cfg), nil
	}
	if cfg.Log != nil {
		cfg.Log.Warn("team database unavailable at start-up", "error", te.Error())
	}
	dir, derr := os.MkdirTemp("", "creatordesk-unavailable-")
	if derr != nil {
		return nil, err
	}
	ph, perr := workspace.Open(workspace.Config{Dir: dir, Vault: secrets.NewMemory(), Log: cfg.Log, Now: cfg.Now, Solo: true})
	if perr != nil {
		removePlaceholder(dir)
		return nil, err
	}
	s := NewSession(ph, false, cfg)
	s.mu.Lock()
	s.teamErr, s.placeholderDir = te, dir
	s.mu.Unlock()
	return s, nil
}

// TeamUnavailable reports why the data folder's team database could not be
// opened (nil when the window shows a real workspace).
func (s *Session) TeamUnavailable() error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.teamErr == nil {
		return nil
	}
	return s.teamErr
}

// removePlaceholder deletes a placeholder workspace's temp dir ("" = none).
func removePlaceholder(dir string) {
	if dir != "" {
		_ = os.RemoveAll(dir)
	}
}
