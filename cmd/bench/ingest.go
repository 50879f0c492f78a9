package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
	"creatordesk/backend/sync"
)

// ingestSeed seeds the ingest sample's generator.
const ingestSeed = 4242

// ingestGoal is the target share of the raw insert rate that store.IngestPage reaches.
const ingestGoal = 0.5

// The ingest comparison's figures.
const (
	ingestRatioFigure   = "ingest store.IngestPage / raw inserts"
	ingestStoreFigure   = "ingest via store.IngestPage"
	ingestPerPageFigure = "ingest via store.IngestPage, one page per transaction"
	ingestRawFigure     = "ingest via raw prepared inserts"
	ingestPagedFigure   = "ingest via raw inserts, one page per transaction"
)

// page is one connector page for one account, as the sync engine hands it to the store.
type page struct {
	account int
	msgs    []platforms.Message
}

// syncPages cuts the dataset into per-account pages of size messages, in the
// order they fill up while the messages arrive.
func syncPages(d *dataset, size int) []page {
	var out []page
	open := make([][]platforms.Message, len(d.accounts))
	for i, m := range d.msgs {
		a := d.convs[m.conv].account
		open[a] = append(open[a], d.platformMessage(i))
		if len(open[a]) == size {
			out = append(out, page{account: int(a), msgs: open[a]})
			open[a] = nil
		}
	}
	for a, msgs := range open {
		if len(msgs) > 0 {
			out = append(out, page{account: a, msgs: msgs})
		}
	}
	return out
}

// syncBatches joins each account's pages, in order, into the batches a sync
// stores a backlog in (up to sync.StoreBatchLimit messages, whole pages).
func syncBatches(pages []page) []page {
	var out []page
	open := map[int]int{} // account -> index in out of its batch being filled
	for _, p := range pages {
		i, ok := open[p.account]
		if !ok || len(out[i].msgs)+len(p.msgs) > sync.StoreBatchLimit {
			out = append(out, page{account: p.account})
			i = len(out) - 1
			open[p.account] = i
		}
		out[i].msgs = append(out[i].msgs, p.msgs...)
	}
	return out
}

// measureIngest stores the same n-message sample on fresh databases in dir:
// through store.IngestPage in the sync engine's page size, and through raw
// prepared inserts in large transactions (the ceiling) and in page-sized ones
// (which tells the cost of small transactions from the cost of IngestPage's own
// work). It checks every way stored the same rows.
func measureIngest(ctx context.Context, dir string, n int) []Figure {
	figs, err := compareIngest(ctx, dir, n)
	if err != nil {
		return append(missingAll(err, "ratio", target(ingestGoal), AtLeast, ingestRatioFigure),
			missingAll(err, "msg/s", nil, "", ingestStoreFigure, ingestRawFigure, ingestPagedFigure, ingestPerPageFigure)...)
	}
	return figs
}

// compareIngest does measureIngest's work.
func compareIngest(ctx context.Context, dir string, n int) ([]Figure, error) {
	d, err := generate(ingestSeed, n/10, n, workspaceProfile)
	if err != nil {
		return nil, err
	}
	d.cacheMessages()
	pages := syncPages(d, sync.PageLimit)
	batches := syncBatches(pages)
	ingestAll := func(st *store.Store, ids []int64, units []page) error {
		for i, p := range units {
			if _, err := st.IngestPage(ctx, ids[p.account], p.msgs, strconv.Itoa(i+1)); err != nil {
				return err
			}
		}
		return nil
	}
	ways := []struct {
		figure, how string
		write       func(*store.Store, []int64) error
	}{
		{ingestStoreFigure, fmt.Sprintf("%d batches of up to %d messages (sync.StoreBatchLimit: a sync stores a backlog's pages of %d this way), one transaction each",
			len(batches), sync.StoreBatchLimit, sync.PageLimit),
			func(st *store.Store, ids []int64) error { return ingestAll(st, ids, batches) }},
		{ingestRawFigure, fmt.Sprintf("%d rows per transaction, then the KPI facts computed in bulk", bulkTransaction),
			func(st *store.Store, ids []int64) error { return rawWithFacts(ctx, st, d, ids, bulkTransaction) }},
		{ingestPagedFigure, fmt.Sprintf("%d rows per transaction, then the KPI facts in bulk, for diagnosis", sync.PageLimit),
			func(st *store.Store, ids []int64) error { return rawWithFacts(ctx, st, d, ids, sync.PageLimit) }},
		{ingestPerPageFigure, fmt.Sprintf("%d pages of up to %d (sync.PageLimit), one transaction each: how a team database or a live trickle stores, for diagnosis",
			len(pages), sync.PageLimit),
			func(st *store.Store, ids []int64) error { return ingestAll(st, ids, pages) }},
	}
	var figs []Figure
	var rates []float64
	var first string
	same := "rows verified identical"
	for i, w := range ways {
		run, err := timeIntoFreshStore(ctx, filepath.Join(dir, fmt.Sprintf("ingest-%d.db", i)), d, w.write)
		if err != nil {
			return nil, fmt.Errorf("bench: %s: %w", w.figure, err)
		}
		if i == 0 {
			first = run.fingerprint
		} else if run.fingerprint != first {
			same = fmt.Sprintf("ROWS DIFFER: %s stored %s, %s stored %s", ways[0].figure, first, w.figure, run.fingerprint)
		}
		rates = append(rates, float64(n)/run.took.Seconds())
		figs = append(figs, measured(w.figure, rates[i], "msg/s", nil, "", fmt.Sprintf("%s, %.1f s", w.how, run.took.Seconds())))
	}
	ratio := measured(ingestRatioFigure, rates[0]/rates[1], "ratio", target(ingestGoal), AtLeast,
		fmt.Sprintf("%d messages in %d conversations, full-text index included, %s", n, len(d.convs), same))
	return append([]Figure{ratio}, figs...), nil
}

// rawWithFacts is the raw loader followed by the KPI facts (schema step 19)
// computed from scratch, so that the raw way writes the same tables as IngestPage.
func rawWithFacts(ctx context.Context, st *store.Store, d *dataset, ids []int64, perTx int) error {
	if err := loadRaw(ctx, st, d, ids, asSynced, perTx); err != nil {
		return err
	}
	return st.RebuildKpiFacts(ctx)
}

// ingestRun is how long one way of storing the sample took, and what it stored.
type ingestRun struct {
	took        time.Duration
	fingerprint string
}

// timeIntoFreshStore creates a database at path with the dataset's accounts, times
// write on it, and fingerprints what was written.
func timeIntoFreshStore(ctx context.Context, path string, d *dataset, write func(*store.Store, []int64) error) (ingestRun, error) {
	st, err := store.Open(path, store.Options{SkipBackup: true})
	if err != nil {
		return ingestRun{}, err
	}
	defer st.Close()
	ids, err := createAccounts(ctx, st, d.accounts)
	if err != nil {
		return ingestRun{}, err
	}
	start := time.Now()
	if err := write(st, ids); err != nil {
		return ingestRun{}, err
	}
	run := ingestRun{took: time.Since(start)}
	run.fingerprint, err = fingerprint(ctx, st)
	return run, err
}

// fingerprintSQL summarizes every table an ingest writes, list columns and the
// KPI facts included (not the facts' message ids: the ways insert in different orders).
const fingerprintSQL = `SELECT
	(SELECT COUNT(*) FROM messages) || ' messages, ' ||
	(SELECT COUNT(*) FROM message_search) || ' indexed, ' ||
	(SELECT COUNT(*) FROM conversations) || ' conversations, ' ||
	(SELECT COUNT(*) FROM contacts) || ' contacts, ' ||
	(SELECT COUNT(*) FROM contact_identities) || ' identities, ' ||
	(SELECT COUNT(*) FROM conversations WHERE contact_id IS NOT NULL) || ' linked, sums ' ||
	(SELECT SUM(unread_count) || '/' || SUM(message_count) || '/' || SUM(last_message_at) || '/' ||
		SUM(last_inbound_at) || '/' || SUM(LENGTH(snippet)) || '/' || SUM(language <> '') FROM conversations) || ' ' ||
	(SELECT SUM(LENGTH(text)) || '/' || SUM(author_identity_id IS NULL) || '/' || SUM(state = 'sent') FROM messages) || ', KPI facts ' ||
	(SELECT COUNT(*) || '/' || COALESCE(SUM(first_in_at), 0) || '/' || COALESCE(SUM(last_in_at), 0) || '/' || COALESCE(SUM(in_count), 0) || '/' ||
		COALESCE(SUM(reply_at), 0) || '/' || COALESCE(SUM(resolved_at), 0) FROM kpi_exchanges) || ' ' ||
	(SELECT COUNT(*) || '/' || COALESCE(SUM(inbound * bucket), 0) FROM kpi_inbound_quarters) || ' ' ||
	(SELECT COUNT(*) || '/' || COALESCE(SUM(question), 0) || '/' || COALESCE(SUM(substantial), 0) FROM kpi_comment_marks)`

// fingerprint returns a summary of the stored rows that two identical ingests share.
func fingerprint(ctx context.Context, st *store.Store) (string, error) {
	var fp string
	err := st.R.WithContext(ctx).Raw(fingerprintSQL).Scan(&fp).Error
	return fp, err
}
