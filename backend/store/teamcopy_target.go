package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// CopyRun is the newest copy started into a team database.
type CopyRun struct {
	// ID is 0 when no copy was ever started into the database.
	ID int64
	// SourceWorkspace is the id of the workspace copied.
	SourceWorkspace string
	// StartedAt, CopiedAt and VerifiedAt are Unix ms (0: not yet).
	StartedAt, CopiedAt, VerifiedAt int64
}

// CopyProgress is how far the newest run got with one table.
type CopyProgress struct {
	// Table is the table's name.
	Table string
	// LastKey is the primary key of the last row copied (nil: none yet).
	LastKey CopyKey
	// Rows is the number of rows copied so far.
	Rows int64
	// Done is set once every row of the table is copied.
	Done bool
}

// workspaceDataTables hold what people work on; a team database with rows in
// any of them is in use (module seeds such as templates or tags do not count).
var workspaceDataTables = []string{"accounts", "contacts", "conversations", "messages", "conversation_notes",
	"campaigns", "creators", "orders", "calendar_items"}

// HasWorkspaceData reports whether the database holds records people worked
// on (accounts, contacts, conversations, messages, notes, campaigns, creators,
// orders, calendar items), as opposed to a freshly opened, seeded workspace.
func (s *Store) HasWorkspaceData(ctx context.Context) (bool, error) {
	for _, t := range workspaceDataTables {
		var one int
		err := s.reader().QueryRowContext(ctx, `SELECT 1 FROM `+quoteIdent(t)+` LIMIT 1`).Scan(&one)
		if err == nil {
			return true, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return false, classify(err)
		}
	}
	return false, nil
}

// CopyState returns the newest copy run into the database and its per-table progress.
func (s *Store) CopyState(ctx context.Context) (CopyRun, map[string]CopyProgress, error) {
	var run CopyRun
	err := s.reader().QueryRowContext(ctx, `SELECT id, source_workspace, started_at, copied_at, verified_at
		FROM teamcopy_runs ORDER BY id DESC LIMIT 1`).Scan(&run.ID, &run.SourceWorkspace, &run.StartedAt, &run.CopiedAt, &run.VerifiedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return CopyRun{}, map[string]CopyProgress{}, nil
	}
	if err != nil {
		return run, nil, classify(err)
	}
	rows, err := s.reader().QueryContext(ctx, `SELECT table_name, last_key, rows_copied, done FROM teamcopy_progress`)
	if err != nil {
		return run, nil, classify(err)
	}
	defer rows.Close()
	out := map[string]CopyProgress{}
	for rows.Next() {
		var p CopyProgress
		var key string
		var done int64
		if err := rows.Scan(&p.Table, &key, &p.Rows, &done); err != nil {
			return run, nil, classify(err)
		}
		if p.LastKey, err = DecodeCopyKey(key); err != nil {
			return run, nil, err
		}
		p.Done = done != 0
		out[p.Table] = p
	}
	return run, out, classify(rows.Err())
}

// StartCopyRun records a new copy of workspaceID into the team database and
// forgets the progress of any earlier run. The tables named in clear are
// emptied first, in the same transaction (a freshly opened team database
// holds seeded rows whose ids the copy brings again).
func (s *Store) StartCopyRun(ctx context.Context, workspaceID string, clear []string) (CopyRun, error) {
	if !s.IsPostgres() {
		return CopyRun{}, ErrCopyNeedsPostgres
	}
	run := CopyRun{SourceWorkspace: workspaceID, StartedAt: s.nowMillis()}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if len(clear) > 0 {
			for _, name := range clear {
				if !reCopyName.MatchString(name) {
					return fmt.Errorf("store: table name %q cannot be cleared", name)
				}
			}
			if _, err := tx.ExecContext(ctx, `TRUNCATE TABLE `+quotedList(clear)); err != nil {
				return fmt.Errorf("store: empty the team database: %w", classify(err))
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM teamcopy_progress`); err != nil {
			return classify(err)
		}
		return classify(tx.QueryRowContext(ctx, `INSERT INTO teamcopy_runs(source_workspace, started_at) VALUES (?, ?) RETURNING id`,
			run.SourceWorkspace, run.StartedAt).Scan(&run.ID))
	})
	return run, err
}

// WriteCopyBatch writes rows of t (values aligned with t.Columns; a row
// already there under the same key is replaced) and the table's progress, in
// one transaction: a copy stopped at any point resumes after the last batch
// that was written.
func (s *Store) WriteCopyBatch(ctx context.Context, t CopyTable, rows [][]any, p CopyProgress) error {
	if !s.IsPostgres() {
		return ErrCopyNeedsPostgres
	}
	key, err := EncodeCopyKey(p.LastKey)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if len(rows) > 0 {
			q, args := copyInsertSQL(t, rows)
			if _, err := tx.ExecContext(ctx, q, args...); err != nil {
				return fmt.Errorf("store: write %s: %w", t.Name, classify(err))
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO teamcopy_progress(table_name, last_key, rows_copied, done, updated_at)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (table_name) DO UPDATE SET last_key = excluded.last_key,
			rows_copied = excluded.rows_copied, done = excluded.done, updated_at = excluded.updated_at`,
			t.Name, key, p.Rows, boolInt(p.Done), s.nowMillis())
		return classify(err)
	})
}

// copyInsertSQL is one multi-row upsert of rows into t.
func copyInsertSQL(t CopyTable, rows [][]any) (string, []any) {
	var b strings.Builder
	b.WriteString(`INSERT INTO ` + quoteIdent(t.Name) + ` (` + quotedList(t.Columns) + `) VALUES `)
	marks := `(` + strings.TrimSuffix(strings.Repeat("?, ", len(t.Columns)), ", ") + `)`
	args := make([]any, 0, len(rows)*len(t.Columns))
	for i, r := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(marks)
		args = append(args, r...)
	}
	isKey := map[string]bool{}
	for _, k := range t.Key {
		isKey[k] = true
	}
	var sets []string
	for _, c := range t.Columns {
		if !isKey[c] {
			sets = append(sets, quoteIdent(c)+` = excluded.`+quoteIdent(c))
		}
	}
	b.WriteString(` ON CONFLICT (` + quotedList(t.Key) + `) DO `)
	if len(sets) == 0 {
		b.WriteString(`NOTHING`)
	} else {
		b.WriteString(`UPDATE SET ` + strings.Join(sets, ", "))
	}
	return b.String(), args
}

// MaxCopyParams bounds the parameters of one batch (PostgreSQL allows 65535).
const MaxCopyParams = 60000

// FinishCopyRun moves every identity sequence past the copied ids (new rows
// never collide with copied ones) and records that the run's rows are all copied.
func (s *Store) FinishCopyRun(ctx context.Context, runID int64) error {
	if !s.IsPostgres() {
		return ErrCopyNeedsPostgres
	}
	if _, err := s.writer().ExecContext(ctx, pgResyncIdentitiesSQL); err != nil {
		return fmt.Errorf("store: identity sequences: %w", classify(err))
	}
	_, err := s.writer().ExecContext(ctx, `UPDATE teamcopy_runs SET copied_at = ? WHERE id = ?`, s.nowMillis(), runID)
	return classify(err)
}

// ReserveCopyIDs moves a table's identity sequence past maxID (the largest id
// the copy brings), so that a row created in the team database while a copy
// is under way never takes an id that a later batch would then overwrite.
// Tables without an identity id are left alone.
func (s *Store) ReserveCopyIDs(ctx context.Context, table string, maxID int64) error {
	if !s.IsPostgres() {
		return ErrCopyNeedsPostgres
	}
	if !identityTables[strings.ToLower(table)] || !reCopyName.MatchString(table) {
		return nil
	}
	_, err := s.writer().ExecContext(ctx, `SELECT setval(pg_get_serial_sequence(?, 'id'),
		GREATEST(?, COALESCE((SELECT MAX(id) FROM `+quoteIdent(table)+`), 0), 1), true)`, table, maxID)
	if err != nil {
		return fmt.Errorf("store: reserve ids of %s: %w", table, classify(err))
	}
	return nil
}

// MarkCopyVerified records that the run's tables were found identical on both sides.
func (s *Store) MarkCopyVerified(ctx context.Context, runID int64) error {
	_, err := s.writer().ExecContext(ctx, `UPDATE teamcopy_runs SET verified_at = ? WHERE id = ?`, s.nowMillis(), runID)
	return classify(err)
}
