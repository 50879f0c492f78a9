package workspace

import (
	"context"
	"errors"
	gosync "sync"
	"time"

	"creatordesk/backend/teamdb"
)

// Bus topic of TeamLink payloads: the live link to the team database changed state.
const TeamLinkChanged = "team.link.changed"

// Live link states.
const (
	// LinkConnecting: the listener has not subscribed yet.
	LinkConnecting = "connecting"
	// LinkLive: announcements from other members arrive.
	LinkLive = "live"
	// LinkReconnecting: the connection was lost; the listener retries and resyncs.
	LinkReconnecting = "reconnecting"
)

// TeamLink is the state of the live link (the LISTEN connection).
type TeamLink struct {
	State string
	// Since is when the state began.
	Since time.Time
	// Error is the last connection problem (empty when live); never holds the password.
	Error string
}

// TeamState describes the team database an open workspace lives on.
type TeamState struct {
	// Config is the saved connection (empty when opened from Config.Postgres).
	Config TeamConfig
	// InstanceID names this app instance among the workspace's active ones.
	InstanceID string

	mu   gosync.Mutex
	link TeamLink
}

// Link returns the live link's current state.
func (t *TeamState) Link() TeamLink {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.link
}

// setLink records a new link state and reports whether it changed.
func (t *TeamState) setLink(state, errText string, now time.Time) (TeamLink, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.link.State == state && t.link.Error == errText {
		return t.link, false
	}
	if t.link.State != state {
		t.link.Since = now
	}
	t.link.State, t.link.Error = state, errText
	return t.link, true
}

// TeamOpenError: the data folder is set to a team database that could not be
// opened. The app shows Err's reason with "Retry" and "Work locally"; it never
// falls back to the local workspace on its own.
type TeamOpenError struct {
	Config TeamConfig
	Err    error
}

func (e *TeamOpenError) Error() string {
	return "team database " + e.Config.RedactedDSN() + " could not be opened: " + redactErr(e.Err)
}

// Unwrap returns the cause.
func (e *TeamOpenError) Unwrap() error { return e.Err }

// teamOpen is what resolveTeamDSN found.
type teamOpen struct {
	config *TeamConfig
}

// state builds the TeamState of a workspace opened on dsn.
func (t teamOpen) state(dsn string) *TeamState {
	st := &TeamState{link: TeamLink{State: LinkConnecting}, InstanceID: newInstanceID()}
	if t.config != nil {
		st.Config = *t.config
	}
	return st
}

// resolveTeamDSN picks the database: Config.Postgres when set, else the team
// database team.json in cfg.Dir names, else "" (the local SQLite file).
func resolveTeamDSN(cfg Config) (string, teamOpen, error) {
	if cfg.Postgres != "" || cfg.Dir == "" || cfg.Solo {
		return cfg.Postgres, teamOpen{}, nil
	}
	tc, ok, err := LoadTeamConfig(cfg.Dir)
	if err != nil || !ok {
		return "", teamOpen{}, err
	}
	dsn, _, err := TeamDSN(cfg.Dir, cfg.Vault)
	if err != nil {
		return "", teamOpen{}, &TeamOpenError{Config: tc, Err: err}
	}
	return dsn, teamOpen{config: &tc}, nil
}

// startTeamListener runs the LISTEN connection until the workspace closes,
// publishing teamdb.RemoteChanged for each announcement and TeamLinkChanged
// when the link drops or comes back.
func (w *Workspace) startTeamListener(dsn string) {
	now := w.Store.Now
	publish := func(state, errText string) {
		if l, changed := w.Team.setLink(state, errText, now()); changed {
			w.Bus.Publish(TeamLinkChanged, l)
		}
	}
	l := &teamdb.Listener{
		DSN:   dsn,
		Bus:   w.Bus,
		Ready: func() { publish(LinkLive, "") },
		OnError: func(err error) {
			if w.ctx.Err() != nil {
				return
			}
			w.Log.Warn("team database live link lost; reconnecting", "error", redactErr(err))
			publish(LinkReconnecting, redactErr(err))
		},
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = l.Run(w.ctx)
	}()
	w.onClose = append(w.onClose, func() { <-done })
}

// redactErr is err's text for logs and the UI; pgx names the user and the
// database in connection errors but never the password.
func redactErr(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// Reason names why the team database could not be opened (a Probe* constant).
func (e *TeamOpenError) Reason() string {
	var pe *TeamProbeError
	if errors.As(e.Err, &pe) {
		return pe.Probe.Reason
	}
	return classifyProbe(context.Background(), e.Err).Reason
}

// ErrorKey names the translation (errors.teamdb.open.<reason>).
func (e *TeamOpenError) ErrorKey() (code, key string, args map[string]string) {
	r := e.Reason()
	return "teamdb_open_" + r, "errors.teamdb.open." + r, map[string]string{"host": e.Config.Host, "database": e.Config.Database, "detail": redactErr(e.Err)}
}
