// Package teamcopy copies a local SQLite workspace into a team database on
// PostgreSQL, one way: the local file is only read. The copy keeps every id,
// goes table by table in an order that satisfies the foreign keys, writes
// batches keyed by primary key together with its progress (so a copy that is
// cancelled or killed continues where it stopped, and copying the same
// workspace again changes nothing), rebuilds the full-text indexes on the
// PostgreSQL side, moves the identity sequences past the copied ids, and
// finally compares every table on both sides by row count and checksum.
package teamcopy

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"creatordesk/backend/store"
)

// DefaultBatchRows is how many rows one batch carries at most.
const DefaultBatchRows = 500

// Options tunes Copy.
type Options struct {
	// BatchRows is the number of rows per batch (DefaultBatchRows when 0).
	BatchRows int
	// Progress, when set, is called after every batch and every verified
	// table. It runs on the copying goroutine: keep it short.
	Progress func(Progress)
}

// Phases of a copy, as reported in Progress.
const (
	PhaseCopy   = "copy"
	PhaseVerify = "verify"
)

// Progress is how far a copy got.
type Progress struct {
	// Phase is PhaseCopy or PhaseVerify.
	Phase string
	// Table is the table being worked on.
	Table string
	// Done and Total count rows while copying and tables while verifying.
	Done, Total int64
}

// TableResult is one table's verification.
type TableResult struct {
	Name       string
	SourceRows int64
	TargetRows int64
	// Match is set when the counts and the checksums are equal.
	Match bool
}

// Result is the outcome of a copy.
type Result struct {
	// WorkspaceID is the id of the workspace copied.
	WorkspaceID string
	// Tables lists every table copied with its verification, in copy order.
	Tables []TableResult
	// Copied is the number of rows written by this call (0 when the
	// workspace was already copied).
	Copied int64
	// Resumed is set when this call continued an earlier, unfinished copy.
	Resumed bool
	// AlreadyCopied is set when an earlier call had copied every row.
	AlreadyCopied bool
	// Verified is set when every table matched.
	Verified bool
}

// Mismatched names the tables that differ.
func (r Result) Mismatched() []string {
	var out []string
	for _, t := range r.Tables {
		if !t.Match {
			out = append(out, t.Name)
		}
	}
	return out
}

// OpenSource opens the local SQLite workspace of a data folder for copying
// (the same file the app opens in solo mode; opening it alongside a running
// app is safe). It fails with ErrNoLocalWorkspace when there is none.
func OpenSource(dir string) (*store.Store, error) {
	path := filepath.Join(dir, store.FileName)
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, NoLocalWorkspace(dir)
		}
		return nil, err
	}
	return store.Open(path, store.Options{})
}

// Copy copies the SQLite workspace src into the team database dst (both open,
// dst migrated by store.OpenPostgres) and verifies the copy. A table that
// differs afterwards is an ErrMismatch error naming it, returned with the result.
func Copy(ctx context.Context, src, dst *store.Store, opts Options) (Result, error) {
	if src.IsPostgres() {
		return Result{}, store.ErrCopyNeedsSQLite
	}
	if !dst.IsPostgres() {
		return Result{}, store.ErrCopyNeedsPostgres
	}
	if opts.BatchRows <= 0 {
		opts.BatchRows = DefaultBatchRows
	}
	sv, err := src.DatabaseSchemaVersion(ctx)
	if err != nil {
		return Result{}, err
	}
	tv, err := dst.DatabaseSchemaVersion(ctx)
	if err != nil {
		return Result{}, err
	}
	if sv != tv {
		return Result{}, versionMismatch(sv, tv)
	}
	srcID, err := src.Setting(ctx, "workspace_id", "")
	if err != nil {
		return Result{}, err
	}
	if srcID == "" {
		return Result{}, noWorkspaceID()
	}
	tables, err := src.CopyTables(ctx)
	if err != nil {
		return Result{}, err
	}
	tables = copyOrder(tables)

	run, progress, err := plan(ctx, dst, srcID, tables)
	if err != nil {
		return Result{}, err
	}
	res := Result{WorkspaceID: srcID, Resumed: len(progress) > 0 && run.CopiedAt == 0, AlreadyCopied: run.CopiedAt != 0}

	snap, err := src.BeginCopySnapshot(ctx)
	if err != nil {
		return Result{}, err
	}
	defer func() { _ = snap.Close() }()

	if run.CopiedAt == 0 {
		c := copier{snap: snap, dst: dst, opts: opts, progress: progress}
		if err := c.copyAll(ctx, tables); err != nil {
			return Result{Copied: c.written}, err
		}
		res.Copied = c.written
		if err := dst.FinishCopyRun(ctx, run.ID); err != nil {
			return res, err
		}
	}
	if err := verify(ctx, snap, dst, tables, opts, &res); err != nil {
		return res, err
	}
	if bad := res.Mismatched(); len(bad) > 0 {
		return res, mismatch(bad)
	}
	res.Verified = true
	return res, dst.MarkCopyVerified(ctx, run.ID)
}

// plan decides whether the copy resumes the newest run in dst or starts a new
// one, and refuses a team database that holds another workspace's data.
func plan(ctx context.Context, dst *store.Store, srcID string, tables []store.CopyTable) (store.CopyRun, map[string]store.CopyProgress, error) {
	run, progress, err := dst.CopyState(ctx)
	if err != nil {
		return run, nil, err
	}
	dstID, err := dst.Setting(ctx, "workspace_id", "")
	if err != nil {
		return run, nil, err
	}
	if run.ID != 0 && run.SourceWorkspace == srcID && (dstID == srcID || dstID == "") {
		return run, progress, nil
	}
	hasData, err := dst.HasWorkspaceData(ctx)
	if err != nil {
		return run, nil, err
	}
	if hasData && dstID != srcID {
		return run, nil, foreignWorkspace(srcID, dstID)
	}
	var clear []string
	if !hasData {
		// A team database opened by the app but never used: its seeded rows
		// (tags, templates, settings...) make way for the workspace's own.
		for _, t := range tables {
			clear = append(clear, t.Name)
		}
	}
	run, err = dst.StartCopyRun(ctx, srcID, clear)
	return run, map[string]store.CopyProgress{}, err
}

// copier carries one copy phase.
type copier struct {
	snap     *store.CopySnapshot
	dst      *store.Store
	opts     Options
	progress map[string]store.CopyProgress
	written  int64
	done     int64
	total    int64
}

// copyAll copies every table not yet complete.
func (c *copier) copyAll(ctx context.Context, tables []store.CopyTable) error {
	for _, t := range tables {
		n, err := c.snap.Count(ctx, t)
		if err != nil {
			return err
		}
		top, err := c.snap.MaxID(ctx, t)
		if err != nil {
			return err
		}
		if top > 0 {
			if err := c.dst.ReserveCopyIDs(ctx, t.Name, top); err != nil {
				return err
			}
		}
		c.total += n
		if p, ok := c.progress[t.Name]; ok {
			c.done += min(p.Rows, n)
		}
	}
	for _, t := range tables {
		if err := c.copyTable(ctx, t); err != nil {
			return err
		}
	}
	return nil
}

// copyTable copies one table in batches, from where an earlier run stopped.
func (c *copier) copyTable(ctx context.Context, t store.CopyTable) error {
	p := c.progress[t.Name]
	p.Table = t.Name
	if p.Done {
		return nil
	}
	limit := min(c.opts.BatchRows, store.MaxCopyParams/max(1, len(t.Columns)))
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rows, last, err := c.snap.ReadBatch(ctx, t, p.LastKey, limit)
		if err != nil {
			return err
		}
		p.LastKey = last
		p.Rows += int64(len(rows))
		p.Done = len(rows) < limit
		if err := c.dst.WriteCopyBatch(ctx, t, rows, p); err != nil {
			return fmt.Errorf("team copy: %w", err)
		}
		c.written += int64(len(rows))
		c.done += int64(len(rows))
		c.report(Progress{Phase: PhaseCopy, Table: t.Name, Done: min(c.done, c.total), Total: c.total})
		if p.Done {
			return nil
		}
	}
}

func (c *copier) report(p Progress) {
	if c.opts.Progress != nil {
		c.opts.Progress(p)
	}
}

// verify compares every table's count and checksum on both sides.
func verify(ctx context.Context, snap *store.CopySnapshot, dst *store.Store, tables []store.CopyTable, opts Options, res *Result) error {
	for i, t := range tables {
		if err := ctx.Err(); err != nil {
			return err
		}
		ss, err := snap.Checksum(ctx, t)
		if err != nil {
			return err
		}
		ts, err := dst.TableChecksum(ctx, t)
		if err != nil {
			return err
		}
		res.Tables = append(res.Tables, TableResult{Name: t.Name, SourceRows: ss.Rows, TargetRows: ts.Rows, Match: ss == ts})
		if opts.Progress != nil {
			opts.Progress(Progress{Phase: PhaseVerify, Table: t.Name, Done: int64(i + 1), Total: int64(len(tables))})
		}
	}
	return nil
}
