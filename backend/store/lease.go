package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"strconv"
	"time"
)

// Lease is the right of one app instance to sync one account until ExpiresAt.
// In team mode several instances share a workspace; only the lease holder
// syncs an account, and another instance takes over once the holder's lease
// has expired (it crashed, lost its network or was closed without releasing).
type Lease struct {
	AccountID int64 `gorm:"column:account_id"`
	// Holder identifies the app instance (NewLeaseHolder); "" once released.
	Holder string `gorm:"column:holder"`
	// Generation grows by one each time the lease changes hands (a fencing token).
	Generation int64 `gorm:"column:generation"`
	AcquiredAt int64 `gorm:"column:acquired_at"`
	RenewedAt  int64 `gorm:"column:renewed_at"`
	ExpiresAt  int64 `gorm:"column:expires_at"`
}

// HeldAt reports whether the lease is held by someone at now (Unix ms).
func (l Lease) HeldAt(now int64) bool { return l.Holder != "" && l.ExpiresAt > now }

// ErrLeaseLost: the lease was taken over or released since it was acquired;
// the caller must stop the work the lease guarded.
var ErrLeaseLost = errors.New("store: sync lease lost to another app instance")

// NewLeaseHolder returns a holder id for one running app instance: the given
// label (a member or machine name, for people reading the lease list) and a
// random suffix that tells two instances with the same label apart.
func NewLeaseHolder(label string) string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	if label == "" {
		label = "instance"
	}
	return label + "#" + hex.EncodeToString(b)
}

// acquireLeaseSQL takes a free, released or expired lease, or renews one the
// holder already has, in one atomic statement on both dialects: the conflict
// update only happens when its WHERE holds, so of two instances racing for an
// account exactly one row change succeeds.
const acquireLeaseSQL = `INSERT INTO sync_leases(account_id, holder, generation, acquired_at, renewed_at, expires_at)
	VALUES (?, ?, 1, ?, ?, ?)
	ON CONFLICT(account_id) DO UPDATE SET
		generation = CASE WHEN sync_leases.holder = excluded.holder THEN sync_leases.generation ELSE sync_leases.generation + 1 END,
		acquired_at = CASE WHEN sync_leases.holder = excluded.holder THEN sync_leases.acquired_at ELSE excluded.acquired_at END,
		holder = excluded.holder,
		renewed_at = excluded.renewed_at,
		expires_at = excluded.expires_at
	WHERE sync_leases.holder = excluded.holder OR sync_leases.holder = '' OR sync_leases.expires_at <= excluded.renewed_at`

// AcquireLease takes the account's sync lease for holder for ttl, or extends it
// when holder already has it. It returns the lease as it stands afterwards and
// whether holder has it. Taking over a lease whose holder vanished without
// releasing it is recorded in the audit trail.
func (s *Store) AcquireLease(ctx context.Context, accountID int64, holder string, ttl time.Duration) (Lease, bool, error) {
	if holder == "" || ttl <= 0 {
		return Lease{}, false, errors.New("store: a lease needs a holder and a positive duration")
	}
	var out Lease
	var got bool
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		now := s.nowMillis()
		prev, hadPrev, err := leaseTx(ctx, tx, accountID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, acquireLeaseSQL, accountID, holder, now, now, now+ttl.Milliseconds())
		if err != nil {
			return classify(err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return classify(err)
		}
		got = n > 0
		if out, _, err = leaseTx(ctx, tx, accountID); err != nil {
			return err
		}
		if got && hadPrev && prev.Holder != "" && prev.Holder != holder {
			return s.auditTx(ctx, tx, AuditEvent{
				Actor: "system:sync", Action: "sync.lease.takeover", TargetType: "account",
				TargetID: strconv.FormatInt(accountID, 10), Reason: "the previous holder's lease expired",
				BeforeJSON: toJSON(map[string]any{"holder": prev.Holder, "expiresAt": prev.ExpiresAt, "generation": prev.Generation}),
				AfterJSON:  toJSON(map[string]any{"holder": out.Holder, "expiresAt": out.ExpiresAt, "generation": out.Generation}),
			})
		}
		return nil
	})
	return out, got && err == nil, err
}

// RenewLease extends a lease its holder still has (same holder, same
// generation) by ttl from now. It returns ErrLeaseLost when the lease changed
// hands or was released meanwhile: the caller must stop syncing.
func (s *Store) RenewLease(ctx context.Context, l Lease, ttl time.Duration) (Lease, error) {
	now := s.nowMillis()
	res, err := s.writer().ExecContext(ctx, `UPDATE sync_leases SET renewed_at = ?, expires_at = ?
		WHERE account_id = ? AND holder = ? AND generation = ?`, now, now+ttl.Milliseconds(), l.AccountID, l.Holder, l.Generation)
	if err != nil {
		return l, classify(err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		if err != nil {
			return l, classify(err)
		}
		return l, ErrLeaseLost
	}
	l.RenewedAt, l.ExpiresAt = now, now+ttl.Milliseconds()
	return l, nil
}

// ReleaseLease gives the lease up at once so another instance can take over
// without waiting for it to expire. Releasing a lease already lost does nothing.
func (s *Store) ReleaseLease(ctx context.Context, l Lease) error {
	_, err := s.writer().ExecContext(ctx, `UPDATE sync_leases SET holder = '', expires_at = ?
		WHERE account_id = ? AND holder = ? AND generation = ?`, s.nowMillis(), l.AccountID, l.Holder, l.Generation)
	return classify(err)
}

// SyncLeases lists every account's lease (held, expired or released), by account.
func (s *Store) SyncLeases(ctx context.Context) ([]Lease, error) {
	var out []Lease
	err := s.R.WithContext(ctx).Raw(`SELECT account_id, holder, generation, acquired_at, renewed_at, expires_at
		FROM sync_leases ORDER BY account_id`).Scan(&out).Error
	return out, classify(err)
}

// leaseTx reads one account's lease inside tx.
func leaseTx(ctx context.Context, tx *sql.Tx, accountID int64) (Lease, bool, error) {
	l := Lease{AccountID: accountID}
	err := tx.QueryRowContext(ctx, `SELECT holder, generation, acquired_at, renewed_at, expires_at FROM sync_leases WHERE account_id = ?`,
		accountID).Scan(&l.Holder, &l.Generation, &l.AcquiredAt, &l.RenewedAt, &l.ExpiresAt)
	if errors.Is(err, sql.ErrNoRows) {
		return l, false, nil
	}
	if err != nil {
		return l, false, classify(err)
	}
	return l, true, nil
}
