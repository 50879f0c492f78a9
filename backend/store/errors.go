package store

import (
	"errors"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// Errors the store reports in a form the app layer can translate.
var (
	// ErrNotFound: no row matched.
	ErrNotFound = errors.New("store: not found")
	// ErrDiskFull: the disk (or quota) is full; the transaction was rolled back and nothing was written.
	ErrDiskFull = errors.New("store: disk full")
	// ErrCorrupt: the database file is damaged.
	ErrCorrupt = errors.New("store: database file is damaged")
	// ErrDuplicate: a unique key already exists.
	ErrDuplicate = errors.New("store: already exists")
)

// classify maps SQLite's error texts and PostgreSQL's error codes to the
// store's errors, keeping the original.
func classify(err error) error {
	if err == nil {
		return nil
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch {
		case pgErr.Code == "23505": // unique_violation
			return errors.Join(ErrDuplicate, err)
		case pgErr.Code == "53100": // disk_full
			return errors.Join(ErrDiskFull, err)
		case pgErr.Code == "XX001" || pgErr.Code == "XX002": // data_corrupted, index_corrupted
			return errors.Join(ErrCorrupt, err)
		}
		return err
	}
	msg := strings.ToLower(err.Error())
	switch {
	case strings.Contains(msg, "database or disk is full"), strings.Contains(msg, "no space left"):
		return errors.Join(ErrDiskFull, err)
	case strings.Contains(msg, "malformed"), strings.Contains(msg, "not a database"):
		return errors.Join(ErrCorrupt, err)
	case strings.Contains(msg, "unique constraint"):
		return errors.Join(ErrDuplicate, err)
	}
	return err
}
