package sync

import (
	"context"
	"errors"
	"strconv"
	"time"

	"creatordesk/backend/platforms"
)

// A pipelined sync fetches and stores at the same time: one goroutine polls
// the platform page after page, appending each page to the account's spool
// before asking for the next, while the caller's goroutine stores what has
// arrived in batches of up to StoreBatchLimit messages, one transaction each.
// A backlog (a first sync, a day offline) is then limited by the slower of
// the two instead of their sum, and a batch commits far fewer times than one
// transaction per page. The engine pipelines when it has a SpoolDir.

// StoreBatchLimit caps the messages a pipelined sync stores in one transaction
// (about 30 ms of holding the database's writer on a laptop).
const StoreBatchLimit = 1000

// fetchAhead is how many fetched pages may wait to be stored; the fetcher
// waits when they are all taken.
const fetchAhead = 32

// fetched is a page on its way from the fetcher to the storer, with the
// spool segment that holds it.
type fetched struct {
	page    platforms.Page
	segment int
}

// errUnsent means the fetcher stopped with a page spooled but not handed to
// the storer: the spool must stay for the next sync.
var errUnsent = errors.New("sync: stopped with a fetched page not yet stored")

// syncPipelined fetches everything available now from cursor on, as the
// serial sync does, storing in batches while it fetches. It returns the
// cursor after the last stored page (cursor itself when nothing came).
// With waitRateLimits a rate limit is waited out (SyncOnce); without, it ends
// the run with the platform's error once the pages before it are stored (the
// loop waits it out and shows it is waiting).
func (e *Engine) syncPipelined(ctx context.Context, conn platforms.Connector, accountID int64, cursor string, waitRateLimits bool) (Stats, string, error) {
	var st Stats
	spool, err := newSpoolWriter(e.SpoolDir, accountID)
	if err != nil {
		return st, cursor, err
	}
	fetchCtx, stopFetching := context.WithCancel(ctx)
	defer stopFetching()
	pages := make(chan fetched, fetchAhead)
	fetchDone := make(chan error, 1)
	go func() {
		defer close(pages)
		fetchDone <- e.fetchInto(fetchCtx, conn, cursor, spool, pages, waitRateLimits)
	}()
	cursor, storeErr := e.storeBatches(ctx, accountID, cursor, pages, &st)
	stopFetching()
	for range pages { // let the fetcher finish; what it spooled stays for the next sync
	}
	fetchErr := <-fetchDone
	closeErr := spool.close()
	switch {
	case storeErr != nil:
		return st, cursor, storeErr
	case errors.Is(fetchErr, errUnsent):
		return st, cursor, ctx.Err()
	case closeErr != nil:
		return st, cursor, spoolError(closeErr)
	}
	// Every spooled page is stored (a failed poll spooled nothing).
	if err := removeSpoolBelow(e.SpoolDir, accountID, -1); err != nil {
		return st, cursor, err
	}
	return st, cursor, fetchErr
}

// fetchInto polls from cursor until the platform has nothing more, spooling
// each page before sending it on and before asking for the next. Rate limits
// are waited out when waitRateLimits is set.
func (e *Engine) fetchInto(ctx context.Context, conn platforms.Connector, cursor string, spool *spoolWriter, out chan<- fetched, waitRateLimits bool) error {
	for {
		page, err := conn.Poll(ctx, cursor, platforms.PollOptions{Limit: PageLimit})
		if err != nil {
			if waitRateLimits && platforms.KindOf(err) == platforms.KindRateLimited {
				if err := e.sleep(ctx, retryDelay(err, time.Second)); err != nil {
					return err
				}
				continue
			}
			return err
		}
		segment, err := spool.append(page)
		if err != nil {
			return err
		}
		select {
		case out <- fetched{page: page, segment: segment}:
		case <-ctx.Done():
			return errUnsent
		}
		// A page that moved nothing on ends the run even if it claims more, so a
		// misbehaving platform cannot keep the run spinning.
		stalled := page.Cursor == cursor && len(page.Messages) == 0 && page.Skipped == 0
		cursor = page.Cursor
		if !page.More || stalled {
			return nil
		}
	}
}

// storeBatches stores the fetched pages as they arrive: whatever is waiting,
// up to StoreBatchLimit messages, in one transaction with the newest page's
// cursor. After each batch it removes the spool segments it has finished.
// It returns when pages is closed and drained, or at the first failure, with
// the cursor of the last page stored (cursor when none was).
func (e *Engine) storeBatches(ctx context.Context, accountID int64, cursor string, pages <-chan fetched, st *Stats) (string, error) {
	for first := range pages {
		batch := []fetched{first}
		size := len(first.page.Messages)
	gather:
		for size < StoreBatchLimit {
			select {
			case next, ok := <-pages:
				if !ok {
					break gather
				}
				batch = append(batch, next)
				size += len(next.page.Messages)
			default:
				break gather
			}
		}
		joined := joinPages(batch)
		if err := e.store(ctx, accountID, joined, len(batch), st); err != nil {
			return cursor, err
		}
		cursor = joined.Cursor
		// Every segment before the newest page's is now stored.
		if err := removeSpoolBelow(e.SpoolDir, accountID, batch[len(batch)-1].segment); err != nil {
			e.log().Warn("sync could not remove a stored spool segment", "account_id", accountID, "error", err.Error())
		}
	}
	return cursor, nil
}

// joinPages is the batch as one page: every message in order, the newest cursor.
func joinPages(batch []fetched) platforms.Page {
	if len(batch) == 1 {
		return batch[0].page
	}
	var joined platforms.Page
	for _, f := range batch {
		joined.Messages = append(joined.Messages, f.page.Messages...)
		joined.Skipped += f.page.Skipped
	}
	joined.Cursor = batch[len(batch)-1].page.Cursor
	return joined
}

// recoverSpool stores what an interrupted pipelined sync of the account left
// in its spool, in order and in batches, then removes the spool (storing is
// idempotent, so pages stored before the interruption add nothing). A
// damaged spool is stored up to the damage and set aside. It does nothing
// when the engine has no SpoolDir.
func (e *Engine) recoverSpool(ctx context.Context, accountID int64) (Stats, error) {
	var st Stats
	if e.SpoolDir == "" {
		return st, nil
	}
	records, state, err := readSpool(e.SpoolDir, accountID)
	if err != nil {
		return st, err
	}
	// Segment 0 for all: no segment is removed before the whole spool is stored.
	queued := make(chan fetched, len(records))
	for _, r := range records {
		queued <- fetched{page: platforms.Page{Messages: r.Messages, Cursor: r.Cursor, Skipped: r.Skipped}}
	}
	close(queued)
	if _, err := e.storeBatches(ctx, accountID, "", queued, &st); err != nil {
		return st, err
	}
	if len(records) > 0 || state != spoolClean {
		e.log().Info("sync stored pages an interrupted sync had fetched", "account_id", accountID,
			"pages", len(records), "inserted", st.Inserted, "torn_last_page_dropped", state == spoolTorn)
	}
	if state == spoolDamaged {
		e.log().Warn("sync set a damaged spool aside after storing what it could read", "account_id", accountID)
		return st, setAsideSpool(e.SpoolDir, accountID, strconv.FormatInt(e.now().UnixMilli(), 10))
	}
	return st, removeSpoolBelow(e.SpoolDir, accountID, -1)
}
