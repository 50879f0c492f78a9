package youtube

import (
	"time"

	"creatordesk/backend/platforms"
)

// NewWithClock is New with a clock, for tests only: quota days and resets,
// RetryAfter and poll pacing all follow now. It is an unexported seam (this
// file is compiled only into the package's tests) rather than an Extra key, so
// no setting can skew the clock of a real connector.
func NewWithClock(creds platforms.Credentials, now func() time.Time) (platforms.Connector, error) {
	c, err := newConnector(creds, now, nil, nil)
	if err != nil {
		return nil, err
	}
	return c, nil
}

// NewWithClockAndBook is NewWithClock whose connector keeps its quota in book.
func NewWithClockAndBook(creds platforms.Credentials, now func() time.Time, book QuotaBook) (platforms.Connector, error) {
	c, err := newConnector(creds, now, nil, book)
	if err != nil {
		return nil, err
	}
	return c, nil
}

// ForgetProjectLedgers drops the shared per-project counts, as a restart of
// the process does.
func ForgetProjectLedgers() {
	ledgers.Lock()
	defer ledgers.Unlock()
	ledgers.m = map[string]*ledger{}
}
