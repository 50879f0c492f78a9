package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// The primitives of a one-way copy of a local SQLite workspace into a team
// database on PostgreSQL (backend/teamcopy runs the copy). The source side
// reads through a CopySnapshot (one read transaction); the target side writes
// batches together with their progress (teamcopy_write.go); both sides compute
// the same per-table checksums (teamcopy_checksum.go).

// CopyTable is one table of a workspace as the copy sees it.
type CopyTable struct {
	// Name is the table's name.
	Name string
	// Columns are the columns copied, in the source's order. For a search
	// index they are rowid and body.
	Columns []string
	// Kinds are the value kinds of Columns (from the declared types).
	Kinds []ColumnKind
	// Key are the primary key columns, in key order.
	Key []string
	// Parents are the other tables its foreign keys reference.
	Parents []string
	// Search marks a full-text index: its SQLite form keeps no text
	// (contentless FTS5), so each entry's body is rebuilt from the record it indexes.
	Search bool
}

// ColumnKind is how a column's values are normalized on both engines.
type ColumnKind int

const (
	// KindText is TEXT (and anything SQLite would give text affinity).
	KindText ColumnKind = iota
	// KindInt is INTEGER (BIGINT on PostgreSQL).
	KindInt
	// KindFloat is REAL (DOUBLE PRECISION on PostgreSQL).
	KindFloat
	// KindBytes is BLOB (BYTEA on PostgreSQL).
	KindBytes
)

// columnKind maps a declared SQLite type to its kind (SQLite's affinity rules).
func columnKind(declared string) ColumnKind {
	t := strings.ToUpper(declared)
	switch {
	case strings.Contains(t, "INT"):
		return KindInt
	case strings.Contains(t, "CHAR"), strings.Contains(t, "CLOB"), strings.Contains(t, "TEXT"):
		return KindText
	case strings.Contains(t, "BLOB"):
		return KindBytes
	case strings.Contains(t, "REAL"), strings.Contains(t, "FLOA"), strings.Contains(t, "DOUB"):
		return KindFloat
	}
	return KindText
}

// copyExcluded are the tables a copy never carries: schema bookkeeping, the
// copy's own progress, and the register of app instances running on a team
// database (live state of the target, meaningless in a local file).
var copyExcluded = map[string]bool{
	"schema_migrations": true,
	"teamcopy_runs":     true,
	"teamcopy_progress": true,
	"team_instances":    true,
}

// reCopyName is what a table or column name must look like to be copied (the
// names are put in SQL text, quoted).
var reCopyName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// searchSources rebuilds the bodies of the full-text indexes from the records
// they index: for each index, the query returning (rowid, raw text) of the
// index entries after a rowid, in rowid order (two arguments: after, limit).
// The body stored is textsearch.Fold(raw text), as when the record was indexed.
// contact_search is built from several rows per contact (contactSearchText).
var searchSources = map[string]string{
	"message_search": `SELECT f.rowid, COALESCE(m.text, '') FROM message_search f LEFT JOIN messages m ON m.id = f.rowid
		WHERE f.rowid > ? ORDER BY f.rowid LIMIT ?`,
	"note_search": `SELECT f.rowid, COALESCE(n.text, '') FROM note_search f LEFT JOIN conversation_notes n ON n.id = f.rowid
		WHERE f.rowid > ? ORDER BY f.rowid LIMIT ?`,
	"contact_search": `SELECT f.rowid, '' FROM contact_search f WHERE f.rowid > ? ORDER BY f.rowid LIMIT ?`,
}

// ErrCopyNeedsSQLite is returned when the source of a copy is not a local SQLite workspace.
var ErrCopyNeedsSQLite = errors.New("store: the source of a team copy must be a local SQLite workspace")

// ErrCopyNeedsPostgres is returned when the target of a copy is not a team database.
var ErrCopyNeedsPostgres = errors.New("store: the target of a team copy must be a team database on PostgreSQL")

// DatabaseSchemaVersion reads the schema version recorded in the database itself.
func (s *Store) DatabaseSchemaVersion(ctx context.Context) (int, error) {
	var v sql.NullInt64
	if err := s.reader().QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, classify(err)
	}
	return int(v.Int64), nil
}

// CopyTables lists the tables of a SQLite workspace that a team copy carries:
// every table except SQLite's internals, the full-text indexes' shadow tables,
// the migrations bookkeeping and the copy's own progress. Full-text indexes
// are included as Search tables.
func (s *Store) CopyTables(ctx context.Context) ([]CopyTable, error) {
	if s.IsPostgres() {
		return nil, ErrCopyNeedsSQLite
	}
	db := s.reader()
	type entry struct{ name, kind, sql string }
	rows, err := db.QueryContext(ctx, `SELECT l.name, l.type, COALESCE(m.sql, '') FROM pragma_table_list l
		LEFT JOIN sqlite_master m ON m.name = l.name WHERE l.schema = 'main' ORDER BY l.name`)
	if err != nil {
		return nil, classify(err)
	}
	var list []entry
	for rows.Next() {
		var e entry
		if err := rows.Scan(&e.name, &e.kind, &e.sql); err != nil {
			_ = rows.Close()
			return nil, classify(err)
		}
		list = append(list, e)
	}
	if err := rows.Close(); err != nil {
		return nil, classify(err)
	}
	var out []CopyTable
	for _, e := range list {
		if copyExcluded[e.name] || strings.HasPrefix(e.name, "sqlite_") || e.kind == "shadow" || e.kind == "view" {
			continue
		}
		if !reCopyName.MatchString(e.name) {
			return nil, fmt.Errorf("store: table name %q cannot be copied", e.name)
		}
		if e.kind == "virtual" {
			if _, ok := searchSources[e.name]; !ok {
				return nil, fmt.Errorf("store: the team copy does not know how to rebuild the index %s", e.name)
			}
			out = append(out, CopyTable{Name: e.name, Columns: []string{"rowid", "body"}, Kinds: []ColumnKind{KindInt, KindText},
				Key: []string{"rowid"}, Search: true})
			continue
		}
		t, err := s.describeCopyTable(ctx, db, e.name)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// describeCopyTable reads a table's columns, primary key and parents.
func (s *Store) describeCopyTable(ctx context.Context, db *sql.DB, name string) (CopyTable, error) {
	t := CopyTable{Name: name}
	rows, err := db.QueryContext(ctx, `SELECT name, type, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid`, name)
	if err != nil {
		return t, classify(err)
	}
	keyAt := map[int]string{}
	for rows.Next() {
		var col, typ string
		var pk, hidden int
		if err := rows.Scan(&col, &typ, &pk, &hidden); err != nil {
			_ = rows.Close()
			return t, classify(err)
		}
		if hidden != 0 { // generated columns are computed again by the target
			continue
		}
		if !reCopyName.MatchString(col) {
			_ = rows.Close()
			return t, fmt.Errorf("store: column name %s.%q cannot be copied", name, col)
		}
		t.Columns = append(t.Columns, col)
		t.Kinds = append(t.Kinds, columnKind(typ))
		if pk > 0 {
			keyAt[pk] = col
		}
	}
	if err := rows.Close(); err != nil {
		return t, classify(err)
	}
	for i := 1; i <= len(keyAt); i++ {
		t.Key = append(t.Key, keyAt[i])
	}
	if len(t.Key) == 0 {
		return t, fmt.Errorf("store: table %s has no primary key; the team copy needs one to resume", name)
	}
	parents, err := stringsQuery(ctx, db, `SELECT DISTINCT "table" FROM pragma_foreign_key_list(?) ORDER BY 1`, name)
	if err != nil {
		return t, err
	}
	for _, p := range parents {
		if p != name {
			t.Parents = append(t.Parents, p)
		}
	}
	return t, nil
}

// stringsQuery reads one text column.
func stringsQuery(ctx context.Context, db *sql.DB, q string, args ...any) ([]string, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, classify(err)
		}
		out = append(out, v)
	}
	return out, classify(rows.Err())
}

// CopyKey is a primary key value (int64 or string per column).
type CopyKey []any

// copyKeyPart is one key value in its JSON form (tagged, so "12" stays text).
type copyKeyPart struct {
	I *int64  `json:"i,omitempty"`
	S *string `json:"s,omitempty"`
}

// EncodeCopyKey writes a key as JSON for the progress table ("" for none).
func EncodeCopyKey(k CopyKey) (string, error) {
	if len(k) == 0 {
		return "", nil
	}
	parts := make([]copyKeyPart, len(k))
	for i, v := range k {
		switch x := v.(type) {
		case int64:
			parts[i].I = &x
		case string:
			parts[i].S = &x
		case []byte:
			s := string(x)
			parts[i].S = &s
		default:
			return "", fmt.Errorf("store: key value of type %T", v)
		}
	}
	b, err := json.Marshal(parts)
	return string(b), err
}

// DecodeCopyKey reads a key written by EncodeCopyKey.
func DecodeCopyKey(s string) (CopyKey, error) {
	if s == "" {
		return nil, nil
	}
	var parts []copyKeyPart
	if err := json.Unmarshal([]byte(s), &parts); err != nil {
		return nil, fmt.Errorf("store: team copy progress key: %w", err)
	}
	out := make(CopyKey, len(parts))
	for i, p := range parts {
		switch {
		case p.I != nil:
			out[i] = *p.I
		case p.S != nil:
			out[i] = *p.S
		default:
			return nil, errors.New("store: team copy progress key: empty part")
		}
	}
	return out, nil
}

// quoteIdent quotes a (validated) name for SQL text.
func quoteIdent(name string) string { return `"` + name + `"` }

// quotedList quotes and joins names.
func quotedList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = quoteIdent(n)
	}
	return strings.Join(q, ", ")
}
