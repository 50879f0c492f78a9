package store

import (
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// BackupDir is the folder, inside the data directory, that holds backups.
const BackupDir = "backups"

// scheduledPrefix names the backups that rotation may delete (others, such as
// the ones taken before a migration or a restore, are kept).
const scheduledPrefix = "creatordesk-"

// BackupNow writes a scheduled backup into dir/backups and deletes the oldest
// scheduled ones beyond keep. It returns the new file's path.
func (s *Store) BackupNow(keep int) (string, error) {
	dir := filepath.Join(filepath.Dir(s.Path), BackupDir)
	path, err := s.Backup(filepath.Join(dir, scheduledPrefix+s.Now().UTC().Format("20060102-150405.000")+".db"))
	if err != nil {
		return "", err
	}
	return path, rotate(dir, keep)
}

// Backups lists the backup files in the data directory, newest first.
func Backups(dataDir string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(dataDir, BackupDir))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".db") {
			out = append(out, filepath.Join(dataDir, BackupDir, e.Name()))
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(out)))
	return out, nil
}

// rotate deletes the oldest scheduled backups in dir beyond keep.
func rotate(dir string, keep int) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var scheduled []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), scheduledPrefix) && strings.HasSuffix(e.Name(), ".db") {
			scheduled = append(scheduled, e.Name())
		}
	}
	sort.Strings(scheduled) // the timestamp in the name sorts oldest first
	for len(scheduled) > keep {
		if err := os.Remove(filepath.Join(dir, scheduled[0])); err != nil {
			return err
		}
		scheduled = scheduled[1:]
	}
	return nil
}

// Restore replaces the database at dbPath with the backup at backupPath. No
// Store may have dbPath open. The backup is checked first (a damaged backup is
// refused and nothing changes), and the current database is kept as
// backups/before-restore-<time>.db so a restore can itself be undone.
func Restore(dbPath, backupPath string, now time.Time) (kept string, err error) {
	if err := checkBackup(backupPath); err != nil {
		return "", err
	}
	if _, err := os.Stat(dbPath); err == nil {
		kept = filepath.Join(filepath.Dir(dbPath), BackupDir, "before-restore-"+now.UTC().Format("20060102-150405")+".db")
		cur, err := Open(dbPath, Options{SkipBackup: true, Now: func() time.Time { return now }})
		if err != nil {
			return "", fmt.Errorf("store: open the current database to keep a copy: %w", err)
		}
		_, err = cur.Backup(kept)
		_ = cur.Close()
		if err != nil {
			return "", fmt.Errorf("store: keep a copy of the current database: %w", err)
		}
	}
	if err := copyPrivate(backupPath, dbPath+".restoring"); err != nil {
		return "", err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(dbPath + suffix); err != nil && !os.IsNotExist(err) {
			return "", err
		}
	}
	return kept, os.Rename(dbPath+".restoring", dbPath)
}

// checkBackup opens a backup read-only and runs an integrity check.
func checkBackup(path string) error {
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	var res string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrCorrupt, filepath.Base(path), err)
	}
	if res != "ok" {
		return fmt.Errorf("%w: %s: %s", ErrCorrupt, filepath.Base(path), res)
	}
	var tables int
	if err := db.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE name IN ('messages', 'schema_migrations')`).Scan(&tables); err != nil || tables != 2 {
		return fmt.Errorf("%w: %s is not a CreatorDesk backup", ErrCorrupt, filepath.Base(path))
	}
	return nil
}

// copyPrivate copies src to dst with mode 0600.
func copyPrivate(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		_ = out.Close()
		return classify(err)
	}
	return out.Close()
}
