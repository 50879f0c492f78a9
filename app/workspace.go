package app

import "context"

// Workspace is the bound facade for the open workspace.
type Workspace struct{ s *Session }

// NewWorkspace binds the facade to a session.
func NewWorkspace(s *Session) *Workspace { return &Workspace{s: s} }

// Status describes the open workspace: "empty" (no account yet, show the first-run
// screen), "ready", or "demo".
func (w *Workspace) Status() (WorkspaceStatus, error) {
	ws := w.s.Workspace()
	accs, err := ws.Store.Accounts(context.Background(), false)
	if err != nil {
		return WorkspaceStatus{}, err
	}
	w.s.mu.RLock()
	demo, kr := w.s.demo, w.s.keyring
	w.s.mu.RUnlock()
	mode := "ready"
	switch {
	case demo:
		mode = "demo"
	case len(accs) == 0:
		mode = "empty"
	}
	return WorkspaceStatus{Mode: mode, DataDir: ws.Dir, Version: Version, Keyring: kr, AccountCount: len(accs)}, nil
}

// OpenDemo switches this window to a throwaway demo workspace.
func (w *Workspace) OpenDemo() (WorkspaceStatus, error) {
	if err := w.s.SwitchToDemo(); err != nil {
		return WorkspaceStatus{}, &AppError{Code: "demo_failed", Key: "errors.demo.failed", Args: map[string]string{}, Message: err.Error()}
	}
	w.s.CheckKeyring(context.Background())
	st, err := w.Status()
	if err == nil {
		w.s.emit(EventWorkspaceChanged, st)
	}
	return st, err
}
