package store

import (
	"context"
	"time"
)

// SyncCounterKeep is how long hourly synced-item counters are kept.
const SyncCounterKeep = 8 * 24 * time.Hour

// hourMillis is one hour in Unix milliseconds.
const hourMillis = int64(time.Hour / time.Millisecond)

// AccountSyncFailure is an account's run of sync failures since its last success.
type AccountSyncFailure struct {
	AccountID int64 `gorm:"column:account_id"`
	// LastErrorAt is when the latest failure happened (Unix ms; 0 = never).
	LastErrorAt int64 `gorm:"column:last_error_at"`
	// Failures counts failures in a row since the last successful sync.
	Failures int64 `gorm:"column:failures"`
}

// AddSyncedItems adds n newly stored items to the account's counter for the
// hour of at (Unix ms) and drops the account's counters older than
// SyncCounterKeep. IngestPage counts what it stores itself, in its transaction.
func (s *Store) AddSyncedItems(ctx context.Context, accountID int64, n int, at int64) error {
	db := s.W.WithContext(ctx)
	return addSyncedItems(func(name string, args ...any) error { return db.Exec(syncHoursSQL[name], args...).Error },
		accountID, n, at)
}

// syncHoursSQL are the statements that keep the hourly synced-item counters
// (prepared with the ingest statements on a schema that has the table).
var syncHoursSQL = map[string]string{
	"syncHourAdd": `INSERT INTO account_sync_hours(account_id, hour_at, items) VALUES (?, ?, ?)
		ON CONFLICT(account_id, hour_at) DO UPDATE SET items = account_sync_hours.items + excluded.items`,
	"syncHourPrune": `DELETE FROM account_sync_hours WHERE account_id = ? AND hour_at < ?`,
}

// syncHoursVersion is the schema version that added account_sync_hours (step 17).
const syncHoursVersion = 17

// addSyncedItems is AddSyncedItems through exec, which runs one of syncHoursSQL.
func addSyncedItems(exec func(name string, args ...any) error, accountID int64, n int, at int64) error {
	if n <= 0 {
		return nil
	}
	hour := at - at%hourMillis
	if err := exec("syncHourAdd", accountID, hour, n); err != nil {
		return classify(err)
	}
	return classify(exec("syncHourPrune", accountID, hour-SyncCounterKeep.Milliseconds()))
}

// SyncedItemsSince sums the items each account stored in the hours that start
// at or after since (Unix ms, rounded down to its hour). Accounts with none are absent.
func (s *Store) SyncedItemsSince(ctx context.Context, since int64) (map[int64]int64, error) {
	var rows []struct {
		AccountID int64 `gorm:"column:account_id"`
		Items     int64 `gorm:"column:items"`
	}
	err := s.R.WithContext(ctx).Raw(`SELECT account_id, SUM(items) AS items FROM account_sync_hours
		WHERE hour_at >= ? GROUP BY account_id`, since-since%hourMillis).Scan(&rows).Error
	if err != nil {
		return nil, classify(err)
	}
	out := make(map[int64]int64, len(rows))
	for _, r := range rows {
		out[r.AccountID] = r.Items
	}
	return out, nil
}

// NoteSyncFailure records a failed sync step of the account at at (Unix ms).
func (s *Store) NoteSyncFailure(ctx context.Context, accountID, at int64) error {
	return classify(s.W.WithContext(ctx).Exec(`INSERT INTO account_sync_failures(account_id, last_error_at, failures) VALUES (?, ?, 1)
		ON CONFLICT(account_id) DO UPDATE SET last_error_at = excluded.last_error_at, failures = account_sync_failures.failures + 1`,
		accountID, at).Error)
}

// NoteSyncSuccess ends the account's run of failures (the last failure's time stays).
func (s *Store) NoteSyncSuccess(ctx context.Context, accountID int64) error {
	return classify(s.W.WithContext(ctx).Exec(`UPDATE account_sync_failures SET failures = 0 WHERE account_id = ? AND failures <> 0`,
		accountID).Error)
}

// SyncFailures returns every account's failure record, by account id.
func (s *Store) SyncFailures(ctx context.Context) (map[int64]AccountSyncFailure, error) {
	var rows []AccountSyncFailure
	if err := s.R.WithContext(ctx).Raw(`SELECT account_id, last_error_at, failures FROM account_sync_failures`).Scan(&rows).Error; err != nil {
		return nil, classify(err)
	}
	out := make(map[int64]AccountSyncFailure, len(rows))
	for _, r := range rows {
		out[r.AccountID] = r
	}
	return out, nil
}
