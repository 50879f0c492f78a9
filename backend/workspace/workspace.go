// Package workspace is the composition root: it opens a workspace's database,
// builds its services (sync engine, inbox, accounts) around one event bus, and
// closes them in order. The CLI and the GUI both start from here.
package workspace

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"creatordesk/backend/accounts"
	"creatordesk/backend/events"
	"creatordesk/backend/inbox"
	"creatordesk/backend/platforms"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
	"creatordesk/backend/sync"
)

// Config says where a workspace lives and what it is built with.
type Config struct {
	// Dir is the data directory (database, log, backups).
	Dir string
	// Vault keeps the tokens (the OS keyring in the app).
	Vault secrets.Vault
	// Log receives structured logs; nil discards them.
	Log *slog.Logger
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// Registry overrides the connectors (Registry() when nil).
	Registry platforms.Registry
	// Postgres, when set, is the connection string of a team database: the
	// workspace opens it instead of the SQLite file in Dir (Dir still holds
	// the log, the backups and the desktop preferences).
	Postgres string
	// Solo ignores a team.json in Dir and opens the local SQLite file (the
	// demo, and "work locally" after a team database could not be opened).
	Solo bool
}

// Workspace is an open workspace and its services.
type Workspace struct {
	ID       string
	Dir      string
	Store    *store.Store
	Vault    secrets.Vault
	Bus      *events.Bus
	Engine   *sync.Engine
	Inbox    *inbox.Service
	Accounts *accounts.Service
	Log      *slog.Logger

	// Team is set when the workspace lives on a team database (PostgreSQL).
	Team *TeamState

	cancel  context.CancelFunc
	ctx     context.Context
	onClose []func()
	svc     services
}

// Open opens the workspace in cfg.Dir, creating it on first use.
func Open(cfg Config) (*Workspace, error) {
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	dsn, team, err := resolveTeamDSN(cfg)
	if err != nil {
		return nil, err
	}
	cfg.Postgres = dsn
	st, err := openStore(cfg)
	if err != nil {
		if team.config != nil {
			return nil, &TeamOpenError{Config: *team.config, Err: err}
		}
		return nil, err
	}
	id, err := workspaceID(st)
	if err != nil {
		_ = st.Close()
		return nil, err
	}
	if cfg.Postgres != "" && cfg.Dir != "" {
		if st.MachineScope, err = machineID(cfg.Dir); err != nil {
			_ = st.Close()
			return nil, err
		}
	}
	conns := newConnectors(cfg.Vault, id)
	if cfg.Registry == nil {
		cfg.Registry = conns.registry
	}
	bus := events.New()
	engine := &sync.Engine{Store: st, Vault: cfg.Vault, Registry: cfg.Registry, Bus: bus, Log: cfg.Log, WorkspaceID: id,
		SpoolDir: spoolDir(cfg)}
	ctx, cancel := context.WithCancel(context.Background())
	w := &Workspace{
		ID: id, Dir: cfg.Dir, Store: st, Vault: cfg.Vault, Bus: bus, Engine: engine, Log: cfg.Log, ctx: ctx, cancel: cancel,
		Inbox: &inbox.Service{Store: st, Connectors: engine, Bus: bus, AttachmentDir: attachmentDir(cfg.Dir),
			Policies: []inbox.Policy{tokenHerePolicy{engine}}},
		Accounts: &accounts.Service{Store: st, Vault: cfg.Vault, Registry: cfg.Registry, Sync: engine, WorkspaceID: id,
			TokenFormat: TokenFormats(), Forget: conns.forget},
	}
	if cfg.Postgres != "" {
		w.Team = team.state(cfg.Postgres)
		w.startTeamListener(cfg.Postgres)
		w.startTeamPresence()
	}
	if err := w.startModules(); err != nil {
		cancel()
		_ = st.Close()
		return nil, err
	}
	cfg.Log.Info("workspace opened", "dir", cfg.Dir, "workspace_id", id, "schema", store.SchemaVersion())
	return w, nil
}

// openStore opens the team database when cfg names one, else the SQLite file in cfg.Dir.
func openStore(cfg Config) (*store.Store, error) {
	if cfg.Postgres != "" {
		return store.OpenPostgres(cfg.Postgres, store.Options{Now: cfg.Now})
	}
	return store.Open(filepath.Join(cfg.Dir, store.FileName), store.Options{Now: cfg.Now})
}

// spoolDir is where a solo workspace's syncs capture fetched pages before
// storing them (sync.Engine.SpoolDir); "" for a team database, whose sync
// may move to another member's computer, and for a workspace without a data folder.
func spoolDir(cfg Config) string {
	if cfg.Postgres != "" || cfg.Dir == "" {
		return ""
	}
	return filepath.Join(cfg.Dir, "spool")
}

// attachmentDir keeps the copies of files sent from the app in the data folder
// (also in team mode, where the database is not a file there); "" when the
// workspace has no data folder.
func attachmentDir(dir string) string {
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, "attachments")
}

// Context is cancelled when the workspace closes; background work hangs off it.
func (w *Workspace) Context() context.Context { return w.ctx }

// StartSync starts the sync loops of every connected account.
func (w *Workspace) StartSync() error {
	return w.Engine.StartAll(w.ctx)
}

// Close stops syncing, runs the close hooks (newest first) and closes the database.
func (w *Workspace) Close() error {
	w.cancel()
	w.Engine.Stop()
	w.runCloseHooks()
	return w.Store.Close()
}

// runCloseHooks runs the close hooks, newest first, once.
func (w *Workspace) runCloseHooks() {
	for i := len(w.onClose) - 1; i >= 0; i-- {
		w.onClose[i]()
	}
	w.onClose = nil
}

// workspaceID reads the workspace's id, creating one on first open. It namespaces keyring entries.
func workspaceID(st *store.Store) (string, error) {
	ctx := context.Background()
	id, err := st.Setting(ctx, "workspace_id", "")
	if err != nil || id != "" {
		return id, err
	}
	var b [8]byte
	_, _ = rand.Read(b[:])
	id = hex.EncodeToString(b[:])
	return id, st.SetSetting(ctx, "workspace_id", id)
}

// DefaultDir is the per-user data directory, os.UserConfigDir()/CreatorDesk.
func DefaultDir() (string, error) {
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("workspace: no user config dir: %w", err)
	}
	return filepath.Join(base, "CreatorDesk"), nil
}
