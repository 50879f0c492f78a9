package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"creatordesk/app"
	"creatordesk/backend/store"
	"creatordesk/backend/workspace"
)

// backupCmd: backup [--json]
func backupCmd(_ context.Context, s *app.Session, args []string, env Env) error {
	f := newFlags("backup", env)
	asJSON := f.Bool("json", false, "print JSON")
	if err := parse(f, args); err != nil {
		return err
	}
	path, err := s.Workspace().Backup()
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(env.Stdout, map[string]string{"path": path})
	}
	fmt.Fprintf(env.Stdout, "backup written to %s\n", path)
	return nil
}

// restoreCmd: restore FILE — with no workspace open, since it replaces the database file.
func restoreCmd(g globals, args []string, env Env) error {
	if len(args) != 1 {
		fmt.Fprintln(env.Stderr, "creatordesk: restore FILE (a backup, for example from the backups folder)")
		return errUsage
	}
	dir := g.dataDir
	if dir == "" {
		d, err := workspace.DefaultDir()
		if err != nil {
			return err
		}
		dir = d
	}
	kept, err := store.Restore(filepath.Join(dir, store.FileName), args[0], time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "restored %s\n", args[0])
	if kept != "" {
		fmt.Fprintf(env.Stdout, "the workspace as it was is kept in %s\n", kept)
	}
	return nil
}
