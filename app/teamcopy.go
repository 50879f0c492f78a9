package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"

	"creatordesk/backend/store"
	"creatordesk/backend/teamcopy"
	"creatordesk/backend/workspace"
)

func init() { registerFacade(func(s *Session) any { return NewTeamCopy(s) }) }

// Events of the copy into a team database.
const (
	// EventTeamCopyProgress carries a TeamCopyProgressDTO while a copy runs.
	EventTeamCopyProgress = "teamcopy:progress"
	// EventTeamCopyDone carries the TeamCopyStatusDTO when a copy ends.
	EventTeamCopyDone = "teamcopy:done"
)

// States of a copy started from the window.
const (
	copyIdle      = "idle"
	copyRunning   = "running"
	copyDone      = "done"
	copyFailed    = "failed"
	copyCancelled = "cancelled"
)

// errTeamCopyDemo: the demo workspace is never copied into a team database.
var errTeamCopyDemo = &AppError{Code: "teamcopy_demo", Key: "errors.teamcopy.demo", Args: map[string]string{},
	Message: "the demo cannot be copied into a team database; open your own workspace first"}

// TeamCopy is the bound facade of the "copy this computer's workspace into the
// team database" card: one copy at a time runs in the background, reporting
// progress as events; Status can be polled too.
type TeamCopy struct {
	s *Session

	mu       sync.Mutex
	state    string
	progress TeamCopyProgressDTO
	result   *TeamCopyResultDTO
	err      *AppError
	cancel   context.CancelFunc
	done     chan struct{}
}

// NewTeamCopy binds the facade to a session.
func NewTeamCopy(s *Session) *TeamCopy { return &TeamCopy{s: s, state: copyIdle} }

// Status says whether a copy can run and how the current or last one went.
func (t *TeamCopy) Status() (TeamCopyStatusDTO, error) {
	t.s.mu.RLock()
	base, demo := t.s.base, t.s.demo
	t.s.mu.RUnlock()
	out := TeamCopyStatusDTO{Demo: demo}
	if !demo && base.Dir != "" {
		_, ok, err := workspace.LoadTeamConfig(base.Dir)
		if err != nil {
			return out, err
		}
		out.Configured = ok
		out.LocalAvailable = fileExists(base.Dir, store.FileName)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	out.State, out.Progress, out.Result, out.Error = t.state, t.progress, t.result, t.err
	return out, nil
}

// Start begins copying the local workspace into the configured team database
// in the background and returns at once; a copy already running is left alone.
func (t *TeamCopy) Start() (TeamCopyStatusDTO, error) {
	if _, _, err := copyEndpoints(t.s, ""); err != nil {
		return TeamCopyStatusDTO{}, err
	}
	t.mu.Lock()
	if t.state == copyRunning {
		t.mu.Unlock()
		return t.Status()
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.state, t.progress, t.result, t.err = copyRunning, TeamCopyProgressDTO{}, nil, nil
	t.cancel, t.done = cancel, make(chan struct{})
	done := t.done
	t.mu.Unlock()
	go func() {
		defer close(done)
		defer cancel()
		res, err := RunTeamCopy(ctx, t.s, "", t.report)
		if res.Copied > 0 && t.s.Workspace().Store.IsPostgres() {
			// The window shows the team database the copy just replaced.
			reopenTeamWorkspace(t.s)
		}
		t.finish(res, err)
	}()
	return t.Status()
}

// Cancel stops a running copy; starting again continues where it stopped.
func (t *TeamCopy) Cancel() (TeamCopyStatusDTO, error) {
	t.mu.Lock()
	cancel, done := t.cancel, t.done
	t.mu.Unlock()
	if cancel != nil {
		cancel()
		<-done
	}
	return t.Status()
}

// wait blocks until the running copy (if any) has ended.
func (t *TeamCopy) wait() {
	t.mu.Lock()
	done := t.done
	t.mu.Unlock()
	if done != nil {
		<-done
	}
}

// report records a progress step and forwards it to the window when it moved
// on noticeably (a new phase or table, or another percent).
func (t *TeamCopy) report(p TeamCopyProgressDTO) {
	t.mu.Lock()
	prev := t.progress
	t.progress = p
	t.mu.Unlock()
	if p.Phase != prev.Phase || p.Table != prev.Table || p.Total == 0 || (p.Done-prev.Done)*100 >= p.Total || p.Done == p.Total {
		t.s.emit(EventTeamCopyProgress, p)
	}
}

// finish records how the copy ended and tells the window.
func (t *TeamCopy) finish(res TeamCopyResultDTO, err error) {
	t.mu.Lock()
	t.cancel = nil
	switch {
	case errors.Is(err, context.Canceled):
		t.state = copyCancelled
	case err != nil:
		t.state, t.err = copyFailed, ToAppError(err)
	default:
		t.state = copyDone
	}
	if len(res.Tables) > 0 {
		t.result = &res
	}
	t.mu.Unlock()
	if st, sErr := t.Status(); sErr == nil {
		t.s.emit(EventTeamCopyDone, st)
	}
}

// RunTeamCopy copies the session's local workspace (the SQLite file of its
// data folder) into a team database and verifies it: the one given by dsn, or
// the data folder's configured team database when dsn is empty. progress (may
// be nil) receives every step.
func RunTeamCopy(ctx context.Context, s *Session, dsn string, progress func(TeamCopyProgressDTO)) (TeamCopyResultDTO, error) {
	base, dsn, err := copyEndpoints(s, dsn)
	if err != nil {
		return TeamCopyResultDTO{}, err
	}
	ws := s.Workspace()
	src := ws.Store
	if src.IsPostgres() { // team mode: the local file is not the open workspace
		if src, err = teamcopy.OpenSource(base.Dir); err != nil {
			return TeamCopyResultDTO{}, err
		}
		defer func() { _ = src.Close() }()
	}
	dst, err := store.OpenPostgres(dsn, store.Options{Now: base.Now})
	if err != nil {
		// Say why in words the window translates (unreachable, wrong password, TLS...).
		if _, pErr := workspace.ProbeTeam(ctx, dsn); pErr != nil {
			return TeamCopyResultDTO{}, pErr
		}
		return TeamCopyResultDTO{}, err
	}
	defer func() { _ = dst.Close() }()
	opts := teamcopy.Options{}
	if progress != nil {
		opts.Progress = func(p teamcopy.Progress) { progress(toTeamCopyProgressDTO(p)) }
	}
	res, err := teamcopy.Copy(ctx, src, dst, opts)
	return toTeamCopyResultDTO(res, dst.Now()), err
}

// copyEndpoints checks that the session can copy and returns its base
// configuration and the team database's connection string.
func copyEndpoints(s *Session, dsn string) (workspace.Config, string, error) {
	s.mu.RLock()
	base, demo := s.base, s.demo
	s.mu.RUnlock()
	if demo || base.Dir == "" {
		return base, "", errTeamCopyDemo
	}
	if !fileExists(base.Dir, store.FileName) {
		return base, "", teamcopy.NoLocalWorkspace(base.Dir)
	}
	if dsn != "" {
		return base, dsn, nil
	}
	dsn, ok, err := workspace.TeamDSN(base.Dir, base.Vault)
	if err != nil {
		return base, "", err
	}
	if !ok {
		return base, "", teamcopy.NoTeamDatabase()
	}
	return base, dsn, nil
}

// reopenTeamWorkspace reopens the window's team workspace after a copy
// replaced its data (and possibly its workspace id).
func reopenTeamWorkspace(s *Session) {
	s.mu.RLock()
	base := s.base
	s.mu.RUnlock()
	ws, err := workspace.Open(base)
	if err != nil {
		s.Workspace().Log.Warn("team workspace did not reopen after the copy", "error", err.Error())
		return
	}
	NewTeamDB(s).switchTo(ws)
}

// fileExists reports whether dir/name is a regular file.
func fileExists(dir, name string) bool {
	info, err := os.Stat(filepath.Join(dir, name))
	return err == nil && info.Mode().IsRegular()
}
