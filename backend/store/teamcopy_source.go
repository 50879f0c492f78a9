package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"creatordesk/backend/textsearch"
)

// CopySnapshot reads a SQLite workspace for a team copy inside one read
// transaction, so that counts, rows and checksums all see the same moment even
// while the app keeps writing (WAL readers never wait for the writer).
type CopySnapshot struct {
	tx *sql.Tx
}

// BeginCopySnapshot starts reading a SQLite workspace for a copy. Close it when done.
func (s *Store) BeginCopySnapshot(ctx context.Context) (*CopySnapshot, error) {
	if s.IsPostgres() {
		return nil, ErrCopyNeedsSQLite
	}
	tx, err := s.reader().BeginTx(ctx, nil)
	if err != nil {
		return nil, classify(err)
	}
	// The snapshot starts at the first read.
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&n); err != nil {
		_ = tx.Rollback()
		return nil, classify(err)
	}
	return &CopySnapshot{tx: tx}, nil
}

// Close ends the snapshot.
func (c *CopySnapshot) Close() error { return c.tx.Rollback() }

// Count returns a table's number of rows.
func (c *CopySnapshot) Count(ctx context.Context, t CopyTable) (int64, error) {
	var n int64
	if err := c.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+quoteIdent(t.Name)).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count %s: %w", t.Name, classify(err))
	}
	return n, nil
}

// MaxID returns the largest id of a table keyed by an integer id (0 for
// other tables and empty ones).
func (c *CopySnapshot) MaxID(ctx context.Context, t CopyTable) (int64, error) {
	if t.Search || len(t.Key) != 1 || t.Key[0] != "id" {
		return 0, nil
	}
	var v sql.NullInt64
	if err := c.tx.QueryRowContext(ctx, `SELECT MAX(id) FROM `+quoteIdent(t.Name)).Scan(&v); err != nil {
		return 0, fmt.Errorf("store: largest id of %s: %w", t.Name, classify(err))
	}
	return v.Int64, nil
}

// Checksum computes a table's TableSum.
func (c *CopySnapshot) Checksum(ctx context.Context, t CopyTable) (TableSum, error) {
	return checksumRows(ctx, c.tx, t)
}

// ReadBatch returns up to limit rows of t whose primary key comes after
// after (nil: from the start), in key order, as normalized values aligned
// with t.Columns, and the key of the last row returned.
func (c *CopySnapshot) ReadBatch(ctx context.Context, t CopyTable, after CopyKey, limit int) ([][]any, CopyKey, error) {
	if t.Search {
		return c.readSearchBatch(ctx, t, after, limit)
	}
	keyIdx := make([]int, len(t.Key))
	for i, k := range t.Key {
		keyIdx[i] = -1
		for j, col := range t.Columns {
			if col == k {
				keyIdx[i] = j
			}
		}
		if keyIdx[i] < 0 {
			return nil, nil, fmt.Errorf("store: key column %s.%s is not copied", t.Name, k)
		}
	}
	q := `SELECT ` + quotedList(t.Columns) + ` FROM ` + quoteIdent(t.Name)
	args := make([]any, 0, len(after)+1)
	if len(after) > 0 {
		if len(after) != len(t.Key) {
			return nil, nil, fmt.Errorf("store: progress key of %s has %d parts, the table's key %d", t.Name, len(after), len(t.Key))
		}
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(after)), ", ")
		q += ` WHERE (` + quotedList(t.Key) + `) > (` + marks + `)`
		args = append(args, after...)
	}
	q += ` ORDER BY ` + quotedList(t.Key) + ` LIMIT ?`
	args = append(args, limit)
	rows, err := c.tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("store: read %s: %w", t.Name, classify(err))
	}
	defer rows.Close()
	var out [][]any
	for rows.Next() {
		raw := make([]any, len(t.Columns))
		ptrs := make([]any, len(raw))
		for i := range raw {
			ptrs[i] = &raw[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, nil, fmt.Errorf("store: read %s: %w", t.Name, classify(err))
		}
		for i, k := range t.Kinds {
			v, err := normalizeCopyValue(k, raw[i])
			if err != nil {
				return nil, nil, fmt.Errorf("store: read %s.%s: %w", t.Name, t.Columns[i], err)
			}
			raw[i] = v
		}
		out = append(out, raw)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("store: read %s: %w", t.Name, classify(err))
	}
	if len(out) == 0 {
		return nil, after, nil
	}
	last := out[len(out)-1]
	key := make(CopyKey, len(keyIdx))
	for i, j := range keyIdx {
		key[i] = last[j]
	}
	return out, key, nil
}

// readSearchBatch returns (rowid, folded body) entries of a full-text index,
// the body rebuilt from the record each entry indexes.
func (c *CopySnapshot) readSearchBatch(ctx context.Context, t CopyTable, after CopyKey, limit int) ([][]any, CopyKey, error) {
	var from int64
	if len(after) == 1 {
		v, ok := after[0].(int64)
		if !ok {
			return nil, nil, fmt.Errorf("store: progress key of %s is not a rowid", t.Name)
		}
		from = v
	}
	rows, err := c.tx.QueryContext(ctx, searchSources[t.Name], from, limit)
	if err != nil {
		return nil, nil, fmt.Errorf("store: read %s: %w", t.Name, classify(err))
	}
	var out [][]any
	for rows.Next() {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			_ = rows.Close()
			return nil, nil, fmt.Errorf("store: read %s: %w", t.Name, classify(err))
		}
		out = append(out, []any{id, text})
	}
	if err := rows.Close(); err != nil {
		return nil, nil, classify(err)
	}
	for _, r := range out {
		if t.Name == "contact_search" {
			text, err := contactSearchText(ctx, c.tx, r[0].(int64))
			if err != nil {
				return nil, nil, err
			}
			r[1] = text
		}
		r[1] = textsearch.Fold(r[1].(string))
	}
	if len(out) == 0 {
		return nil, after, nil
	}
	return out, CopyKey{out[len(out)-1][0]}, nil
}

// contactSearchText is the text a contact is found by: its names and every
// identity's handle and name (reindexContact indexes the same text).
func contactSearchText(ctx context.Context, tx *sql.Tx, id int64) (string, error) {
	parts, err := stringsTx(ctx, tx, `SELECT display_name FROM contacts WHERE id = ? UNION ALL SELECT first_name FROM contacts WHERE id = ?
		UNION ALL SELECT handle FROM contact_identities WHERE contact_id = ? UNION ALL SELECT display_name FROM contact_identities WHERE contact_id = ?`, id, id, id, id)
	if err != nil {
		return "", err
	}
	return strings.Join(parts, " "), nil
}
