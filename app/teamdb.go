package app

import (
	"context"
	"errors"

	"creatordesk/backend/workspace"
)

func init() { registerFacade(func(s *Session) any { return NewTeamDB(s) }) }

// TeamDB is the bound facade of Settings -> Team database: test a connection,
// connect this data folder to a team database (the window reopens on it),
// disconnect (back to the local workspace, which was never touched), and the
// status line (live link, who else is active). While a team database cannot
// be opened it also offers Retry.
type TeamDB struct{ s *Session }

// NewTeamDB binds the facade to a session.
func NewTeamDB(s *Session) *TeamDB { return &TeamDB{s: s} }

// errTeamInDemo: the demo workspace cannot be connected to a team database.
var errTeamInDemo = &AppError{Code: "teamdb_demo", Key: "errors.teamdb.demo", Args: map[string]string{},
	Message: "the demo cannot be connected to a team database; open your own workspace first"}

// Status says where the window's workspace lives.
func (t *TeamDB) Status() (TeamDBStatusDTO, error) {
	t.s.mu.RLock()
	teamErr, base, demo := t.s.teamErr, t.s.base, t.s.demo
	t.s.mu.RUnlock()
	ws := t.s.Workspace()
	out := TeamDBStatusDTO{Mode: "solo", Others: []TeamInstanceDTO{}}
	if !demo && base.Dir != "" {
		if cfg, ok, err := workspace.LoadTeamConfig(base.Dir); err == nil && ok {
			dto := toTeamDBConfigDTO(cfg)
			out.Config = &dto
			pw, _ := workspace.TeamPassword(base.Dir, base.Vault)
			out.HasPassword = pw != ""
		}
	}
	switch {
	case teamErr != nil:
		out.Mode = "unavailable"
		out.Error = ToAppError(teamErr)
		dto := toTeamDBConfigDTO(teamErr.Config)
		out.Config = &dto
	case ws.Team != nil:
		out.Mode = "team"
		out.Link = toTeamLinkDTO(ws.Team.Link())
		others, err := ws.OtherInstances(context.Background())
		if err != nil {
			return out, err
		}
		for _, o := range others {
			out.Others = append(out.Others, toTeamInstanceDTO(o))
		}
	}
	return out, nil
}

// Test connects once with the form's settings and reports the server version
// and TLS, or the reason it failed (in the result, not as an error).
func (t *TeamDB) Test(req TeamDBConnectRequest) (TeamDBProbeDTO, error) {
	dsn, err := t.dsnFor(req)
	if err != nil {
		return TeamDBProbeDTO{}, err
	}
	return toTeamProbeDTO(workspace.ProbeTeam(context.Background(), dsn)), nil
}

// Connect tests the settings, saves them (the password in the keyring), opens
// the team database (running its migrations) and reopens the window on it. On
// any failure the data folder keeps its previous settings.
func (t *TeamDB) Connect(req TeamDBConnectRequest) (TeamDBStatusDTO, error) {
	t.s.mu.RLock()
	base, demo := t.s.base, t.s.demo
	t.s.mu.RUnlock()
	if demo || base.Dir == "" {
		return TeamDBStatusDTO{}, errTeamInDemo
	}
	dsn, err := t.dsnFor(req)
	if err != nil {
		return TeamDBStatusDTO{}, err
	}
	if _, err := workspace.ProbeTeam(context.Background(), dsn); err != nil {
		return TeamDBStatusDTO{}, err
	}
	password := req.Password
	if password == "" && req.KeepPassword {
		if password, err = workspace.TeamPassword(base.Dir, base.Vault); err != nil {
			return TeamDBStatusDTO{}, err
		}
	}
	restore := snapshotTeamConfig(base)
	if err := workspace.SaveTeamConfig(base.Dir, base.Vault, req.Config.toConfig(), password); err != nil {
		return TeamDBStatusDTO{}, err
	}
	ws, err := workspace.Open(base)
	if err != nil {
		restore()
		return TeamDBStatusDTO{}, err
	}
	t.switchTo(ws)
	return t.Status()
}

// Disconnect returns this data folder to its local workspace: the team
// settings and the stored password go, the window reopens on the local file.
// The team database itself is left as it is for the other members.
func (t *TeamDB) Disconnect() (TeamDBStatusDTO, error) {
	t.s.mu.RLock()
	base, demo := t.s.base, t.s.demo
	t.s.mu.RUnlock()
	if demo || base.Dir == "" {
		return TeamDBStatusDTO{}, errTeamInDemo
	}
	if err := workspace.RemoveTeamConfig(base.Dir, base.Vault); err != nil {
		return TeamDBStatusDTO{}, err
	}
	ws, err := workspace.Open(base)
	if err != nil {
		return TeamDBStatusDTO{}, err
	}
	t.switchTo(ws)
	return t.Status()
}

// Retry opens the team database again after it could not be opened; the
// status carries the new reason when it still cannot.
func (t *TeamDB) Retry() (TeamDBStatusDTO, error) {
	t.s.mu.RLock()
	base := t.s.base
	t.s.mu.RUnlock()
	ws, err := workspace.Open(base)
	var te *workspace.TeamOpenError
	if errors.As(err, &te) {
		t.s.mu.Lock()
		t.s.teamErr = te
		t.s.mu.Unlock()
		return t.Status()
	}
	if err != nil {
		return TeamDBStatusDTO{}, err
	}
	t.switchTo(ws)
	return t.Status()
}

// switchTo makes ws the window's workspace, starts its sync and tells the frontend.
func (t *TeamDB) switchTo(ws *workspace.Workspace) {
	t.s.replace(ws, false, nil)
	if err := ws.StartSync(); err != nil {
		ws.Log.Warn("sync did not start after switching workspace", "error", err.Error())
	}
	t.s.CheckKeyring(context.Background())
	if st, err := NewWorkspace(t.s).Status(); err == nil {
		t.s.emit(EventWorkspaceChanged, st)
	}
}

// dsnFor validates the form and builds its connection string.
func (t *TeamDB) dsnFor(req TeamDBConnectRequest) (string, error) {
	cfg := req.Config.toConfig().Normalized()
	if err := cfg.Validate(); err != nil {
		return "", err
	}
	password := req.Password
	if password == "" && req.KeepPassword {
		t.s.mu.RLock()
		base := t.s.base
		t.s.mu.RUnlock()
		var err error
		if password, err = workspace.TeamPassword(base.Dir, base.Vault); err != nil {
			return "", err
		}
	}
	return cfg.DSN(password), nil
}

// snapshotTeamConfig remembers base.Dir's team settings and returns a function
// that puts them back (or removes new ones) after a failed Connect.
func snapshotTeamConfig(base workspace.Config) func() {
	cfg, ok, err := workspace.LoadTeamConfig(base.Dir)
	password, perr := workspace.TeamPassword(base.Dir, base.Vault)
	return func() {
		if err == nil && perr == nil && ok {
			_ = workspace.SaveTeamConfig(base.Dir, base.Vault, cfg, password)
			return
		}
		_ = workspace.RemoveTeamConfig(base.Dir, base.Vault)
	}
}
