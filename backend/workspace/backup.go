package workspace

import (
	"context"
	"strconv"
	"time"
)

// BackupsKept is how many scheduled backups are kept.
const BackupsKept = 7

// BackupEvery is how often the app takes a backup on its own.
const BackupEvery = 24 * time.Hour

// lastBackupKey is the setting holding the time of the last scheduled backup (Unix ms).
const lastBackupKey = "last_backup_at"

// Backup takes a backup now and keeps the newest BackupsKept.
func (w *Workspace) Backup() (string, error) {
	if w.Store.IsPostgres() {
		return "", ErrTeamBackup
	}
	path, err := w.Store.BackupNow(BackupsKept)
	if err != nil {
		return "", err
	}
	err = w.Store.SetSetting(context.Background(), lastBackupKey, strconv.FormatInt(w.Store.Now().UnixMilli(), 10))
	w.Log.Info("backup written", "path", path)
	return path, err
}

// BackupIfDue takes a backup when the last one is older than BackupEvery (or
// there is none). It returns "" when none was due.
func (w *Workspace) BackupIfDue() (string, error) {
	if w.Store.IsPostgres() {
		return "", nil // the server backs a team database up
	}
	last, err := w.Store.Setting(context.Background(), lastBackupKey, "0")
	if err != nil {
		return "", err
	}
	ms, _ := strconv.ParseInt(last, 10, 64)
	if w.Store.Now().Sub(time.UnixMilli(ms)) < BackupEvery {
		return "", nil
	}
	return w.Backup()
}

// ErrTeamBackup refuses a backup of a team database: it lives on its server,
// which backs it up (pg_dump or the host's backups), not in the data folder.
var ErrTeamBackup error = teamBackupError{}

type teamBackupError struct{}

func (teamBackupError) Error() string {
	return "workspace: a team database is backed up on its server, not by the app"
}

// ErrorKey names the translated message (see app.KeyedError).
func (teamBackupError) ErrorKey() (string, string, map[string]string) {
	return "teamdb_backup", "errors.teamdb.backup", nil
}
