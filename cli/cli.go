// Package cli is the command line of the creatordesk binary: with no command it
// opens the window; with one it runs headless against the same services.
// Command names, flags and JSON fields are a public interface: add, never rename.
package cli

import (
	"context"
	"creatordesk/backend/desktop"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"strings"

	"creatordesk/app"
	"creatordesk/backend/secrets"
	"creatordesk/backend/workspace"
)

// Env is what the process gives the CLI.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Assets is the built frontend (for the window).
	Assets fs.FS
	// Vault overrides the OS keyring (tests).
	Vault secrets.Vault
}

// globals are the flags accepted before any command.
type globals struct {
	dataDir string
	demo    bool
}

// coreUsage lists the walking skeleton's commands; areas add theirs with registerCommand.
const coreUsage = `Usage:
  creatordesk [--data-dir DIR] [--demo]                 open the app window
  creatordesk [--data-dir DIR] accounts add telegram --token-stdin [--base-url URL] [--name NAME]
  creatordesk [--data-dir DIR] accounts add mastodon --token-stdin --base-url https://INSTANCE [--name NAME]
  creatordesk [--data-dir DIR] accounts add mastodon --oauth --base-url https://INSTANCE [--name NAME]
  creatordesk [--data-dir DIR] accounts add youtube --client-id ID --client-secret-stdin [--base-url URL] [--auth-url URL --token-url URL] [--name NAME]
  creatordesk [--data-dir DIR] accounts add whatsapp --token-stdin --phone-number-id ID [--waba-id ID] [--name NAME]
  creatordesk [--data-dir DIR] accounts add tiktok --token-stdin --business-id ID [--name NAME]
  creatordesk [--data-dir DIR] accounts add bluesky --token-stdin --identifier HANDLE [--base-url PDS] [--name NAME]
  creatordesk [--data-dir DIR] accounts add instagram --token-stdin [--base-url URL] [--name NAME] [--human-agent]
  creatordesk [--data-dir DIR] accounts add facebook --token-stdin --page-id ID [--name NAME] [--human-agent]
  creatordesk [--data-dir DIR] accounts add shopify --token-stdin --base-url https://SHOP.myshopify.com [--client-id ID]
  creatordesk [--data-dir DIR] accounts list [--json]
  creatordesk [--data-dir DIR] accounts disconnect ID
  creatordesk [--data-dir DIR] sync --once
  creatordesk [--data-dir DIR] sync --watch              keep syncing every account until Ctrl+C (SIGINT/SIGTERM)
  creatordesk [--data-dir DIR] conversations list --json [--limit N]
  creatordesk [--data-dir DIR] messages list --conversation ID --json
  creatordesk [--data-dir DIR] reply --conversation ID --text-stdin [--json]
  creatordesk [--data-dir DIR] import telegram-desktop|whatsapp|meta FILE [--owner NAME] [--tz ZONE] [--date-order dmy|mdy] [--platform instagram|facebook] [--account ID [--phone NUMBER]]
  creatordesk [--data-dir DIR] backup [--json]            write a backup now (the newest 7 are kept)
  creatordesk [--data-dir DIR] restore FILE              replace the workspace with a backup (close the app first)
  creatordesk version
`

// areaUsage holds the usage lines areas registered, in registration order.
var areaUsage []string

// registerCommand adds an area's command (from an init in the area's own file)
// with its usage lines, so adding a command never edits the shared table.
func registerCommand(name string, usageLines string, run command) {
	if _, dup := commands[name]; dup {
		panic("cli: command registered twice: " + name)
	}
	commands[name] = run
	areaUsage = append(areaUsage, usageLines)
}

// usage is printed for -h and for unknown commands.
func usage() string {
	out := coreUsage
	for _, u := range areaUsage {
		out += u
		if !strings.HasSuffix(u, "\n") {
			out += "\n"
		}
	}
	return out
}

// Main runs the command in args and returns the process exit code.
func Main(args []string, env Env) int {
	g := globals{}
	fsGlobal := flag.NewFlagSet("creatordesk", flag.ContinueOnError)
	fsGlobal.SetOutput(env.Stderr)
	fsGlobal.Usage = func() { fmt.Fprint(env.Stderr, usage()) }
	fsGlobal.StringVar(&g.dataDir, "data-dir", "", "data directory (default: the user config dir/CreatorDesk)")
	fsGlobal.BoolVar(&g.demo, "demo", false, "open a throwaway demo workspace")
	if err := fsGlobal.Parse(args); err != nil {
		return 2
	}
	rest := fsGlobal.Args()
	if len(rest) == 0 {
		return fail(env, runGUI(g, env))
	}
	cmd, cmdArgs := rest[0], rest[1:]
	switch cmd {
	case "version":
		fmt.Fprintln(env.Stdout, "creatordesk", app.Version)
		return 0
	case "restore":
		// Restore replaces the database file, so it runs with no workspace open.
		return fail(env, restoreCmd(g, cmdArgs, env))
	}
	run, ok := commands[cmd]
	if !ok {
		fmt.Fprintf(env.Stderr, "creatordesk: unknown command %q\n\n%s", cmd, usage())
		return 2
	}
	s, closeAll, err := openSession(g, env, false)
	if err != nil {
		return fail(env, err)
	}
	defer closeAll()
	if cmd != "teamdb" { // teamdb can test, fix or disconnect an unreachable team database
		if terr := s.TeamUnavailable(); terr != nil {
			return fail(env, terr)
		}
	}
	return fail(env, run(context.Background(), s, cmdArgs, env))
}

// command runs one subcommand against an open session.
type command func(ctx context.Context, s *app.Session, args []string, env Env) error

// commands maps command names to their implementations.
var commands = map[string]command{
	"accounts":      accountsCmd,
	"sync":          syncCmd,
	"conversations": conversationsCmd,
	"messages":      messagesCmd,
	"reply":         replyCmd,
	"backup":        backupCmd,
	"import":        importCmd,
}

// errUsage marks a usage error (exit code 2; the message was already printed).
var errUsage = errors.New("usage")

// fail prints err on stderr and returns the exit code.
func fail(env Env, err error) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	ae := app.ToAppError(err)
	fmt.Fprintf(env.Stderr, "creatordesk: %s (%s)\n", ae.Message, ae.Code)
	return 1
}

// openSession opens the workspace named by the globals with its log and vault.
func openSession(g globals, env Env, demo bool) (*app.Session, func(), error) {
	dir := g.dataDir
	if dir == "" && !demo {
		d, err := workspace.DefaultDir()
		if err != nil {
			return nil, nil, err
		}
		dir = d
	}
	cfg := workspace.Config{Dir: dir, Vault: env.Vault}
	var logCloser io.Closer
	if dir != "" {
		log, c, err := workspace.OpenLog(dir)
		if err != nil {
			return nil, nil, err
		}
		cfg.Log, logCloser = log, c
	} else {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Vault == nil {
		cfg.Vault = secrets.NewKeyring()
	}
	var s *app.Session
	var err error
	if demo {
		var ws *workspace.Workspace
		if ws, err = workspace.OpenDemo(cfg); err == nil {
			s = app.NewSession(ws, true, cfg)
		}
	} else {
		// A team database that cannot be reached opens a placeholder session
		// that says why (Session.TeamUnavailable) instead of failing outright.
		s, err = app.OpenSession(cfg)
	}
	if err != nil {
		if logCloser != nil {
			_ = logCloser.Close()
		}
		return nil, nil, err
	}
	return s, func() {
		_ = s.Close()
		if logCloser != nil {
			_ = logCloser.Close()
		}
	}, nil
}

// runGUI opens the window on the workspace (or the demo) and blocks until it closes.
// One window per data folder: launching again brings the open window to the front.
func runGUI(g globals, env Env) error {
	dir := g.dataDir
	if dir == "" {
		d, err := workspace.DefaultDir()
		if err != nil {
			return err
		}
		dir = d
	}
	if !g.demo {
		lock, err := desktop.AcquireInstance(dir)
		if errors.Is(err, desktop.ErrAlreadyRunning) {
			if desktop.RaiseRunning(desktop.UniqueID(dir), nil) == nil {
				fmt.Fprintln(env.Stdout, "CreatorDesk is already open: its window was brought to the front.")
				return nil
			}
			return app.ErrAlreadyRunning
		}
		if err != nil {
			return err
		}
		defer lock.Release()
	}
	s, closeAll, err := openSession(g, env, g.demo)
	if err != nil {
		return err
	}
	defer closeAll()
	// A placeholder for an unreachable team database has nothing to back up.
	if !g.demo && s.TeamUnavailable() == nil {
		if _, err := s.Workspace().BackupIfDue(); err != nil {
			// A failed backup must not keep the app from opening; the log says why.
			s.Workspace().Log.Warn("scheduled backup failed", "error", err.Error())
		}
	}
	if err := s.Workspace().StartSync(); err != nil {
		return err
	}
	uniqueID := desktop.UniqueID(dir)
	if g.demo {
		uniqueID += ".demo" // a demo window never takes over the real one
	}
	return app.RunGUI(env.Assets, s, app.GUIOptions{Desktop: app.NewDesktop(s, dir, desktop.UpdateFeedURL), UniqueID: uniqueID})
}
