package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"
)

// TakeOverLease gives holder the lease l describes, before it expires, when it
// is still exactly l (same holder, same generation): for a holder known to be
// gone, such as an app instance on this machine whose process has ended (a
// SQLite workspace is only ever open on one machine). It reports whether
// holder got the lease and records the takeover, with reason, in the audit
// trail. If the lease changed meanwhile nothing happens.
func (s *Store) TakeOverLease(ctx context.Context, l Lease, holder string, ttl time.Duration, reason string) (Lease, bool, error) {
	if holder == "" || ttl <= 0 {
		return Lease{}, false, errors.New("store: a lease needs a holder and a positive duration")
	}
	var out Lease
	var got bool
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		now := s.nowMillis()
		res, err := tx.ExecContext(ctx, `UPDATE sync_leases SET holder = ?, generation = generation + 1, acquired_at = ?, renewed_at = ?, expires_at = ?
			WHERE account_id = ? AND holder = ? AND generation = ?`, holder, now, now, now+ttl.Milliseconds(), l.AccountID, l.Holder, l.Generation)
		if err != nil {
			return classify(err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return classify(err)
		}
		if out, _, err = leaseTx(ctx, tx, l.AccountID); err != nil || n == 0 {
			return err
		}
		got = true
		return s.auditTx(ctx, tx, AuditEvent{
			Actor: "system:sync", Action: "sync.lease.takeover", TargetType: "account",
			TargetID: strconv.FormatInt(l.AccountID, 10), Reason: reason,
			BeforeJSON: toJSON(map[string]any{"holder": l.Holder, "expiresAt": l.ExpiresAt, "generation": l.Generation}),
			AfterJSON:  toJSON(map[string]any{"holder": out.Holder, "expiresAt": out.ExpiresAt, "generation": out.Generation}),
		})
	})
	return out, got && err == nil, err
}
