package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"
	"reflect"
)

// pgConnector wraps pgx's database/sql connector so that the store's SQL, written
// in SQLite's spelling, runs unchanged on PostgreSQL: every statement is
// translated by pgRewrite, booleans cross as 0/1 integers both ways (the schema
// stores flags as INTEGER, as on SQLite), FTS5 match arguments become tsquery
// text, and LastInsertId works for inserts into tables with an identity id.
type pgConnector struct {
	inner driver.Connector
}

// Connect opens one wrapped connection.
func (c pgConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.inner.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &pgConn{inner: conn}, nil
}

// Driver returns the inner driver.
func (c pgConnector) Driver() driver.Driver { return c.inner.Driver() }

// pgConn is one wrapped pgx connection. pgx's stdlib connection implements every
// optional interface used here.
type pgConn struct {
	inner driver.Conn
}

var (
	_ driver.ExecerContext      = (*pgConn)(nil)
	_ driver.QueryerContext     = (*pgConn)(nil)
	_ driver.ConnPrepareContext = (*pgConn)(nil)
	_ driver.ConnBeginTx        = (*pgConn)(nil)
	_ driver.NamedValueChecker  = (*pgConn)(nil)
	_ driver.SessionResetter    = (*pgConn)(nil)
	_ driver.Pinger             = (*pgConn)(nil)
)

func (c *pgConn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

func (c *pgConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	rw := pgRewrite(query)
	st, err := c.inner.(driver.ConnPrepareContext).PrepareContext(ctx, rw.sql)
	if err != nil {
		return nil, err
	}
	return &pgStmt{inner: st, rw: rw}, nil
}

func (c *pgConn) Close() error { return c.inner.Close() }

func (c *pgConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

func (c *pgConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.inner.(driver.ConnBeginTx).BeginTx(ctx, opts)
}

func (c *pgConn) Ping(ctx context.Context) error { return c.inner.(driver.Pinger).Ping(ctx) }

func (c *pgConn) ResetSession(ctx context.Context) error {
	return c.inner.(driver.SessionResetter).ResetSession(ctx)
}

// CheckNamedValue resolves driver.Valuers and turns booleans into 0/1.
func (c *pgConn) CheckNamedValue(nv *driver.NamedValue) error {
	if v, ok := nv.Value.(driver.Valuer); ok {
		if rv := reflect.ValueOf(v); !(rv.Kind() == reflect.Pointer && rv.IsNil()) {
			val, err := v.Value()
			if err != nil {
				return err
			}
			nv.Value = val
		}
	}
	if b, ok := nv.Value.(bool); ok {
		nv.Value = boolInt(b)
	}
	return nil
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func (c *pgConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	rw := pgRewrite(query)
	args = rw.convertArgs(args)
	if rw.returningID {
		rows, err := c.inner.(driver.QueryerContext).QueryContext(ctx, rw.sql, args)
		if err != nil {
			return nil, err
		}
		return collectReturnedIDs(rows)
	}
	return c.inner.(driver.ExecerContext).ExecContext(ctx, rw.sql, args)
}

func (c *pgConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	rw := pgRewrite(query)
	rows, err := c.inner.(driver.QueryerContext).QueryContext(ctx, rw.sql, rw.convertArgs(args))
	if err != nil {
		return nil, err
	}
	return &pgRows{inner: rows}, nil
}

// convertArgs rewrites the FTS5 match arguments as tsquery text.
func (rw *pgRewritten) convertArgs(args []driver.NamedValue) []driver.NamedValue {
	if len(rw.ftsArgs) == 0 {
		return args
	}
	out := append([]driver.NamedValue(nil), args...)
	for _, i := range rw.ftsArgs {
		if i < len(out) {
			if s, ok := out[i].Value.(string); ok {
				out[i].Value = fts5ToTsquery(s)
			}
		}
	}
	return out
}

// pgResult is the result of an INSERT given `RETURNING id`.
type pgResult struct {
	lastID   int64
	affected int64
}

func (r pgResult) LastInsertId() (int64, error) { return r.lastID, nil }
func (r pgResult) RowsAffected() (int64, error) { return r.affected, nil }

// collectReturnedIDs drains `RETURNING id` rows into a Result.
func collectReturnedIDs(rows driver.Rows) (driver.Result, error) {
	defer func() { _ = rows.Close() }()
	var res pgResult
	dest := make([]driver.Value, len(rows.Columns()))
	for {
		err := rows.Next(dest)
		if errors.Is(err, io.EOF) {
			return res, nil
		}
		if err != nil {
			return nil, err
		}
		res.affected++
		if id, ok := dest[0].(int64); ok {
			res.lastID = id
		}
	}
}

// pgStmt is a prepared, already translated statement.
type pgStmt struct {
	inner driver.Stmt
	rw    *pgRewritten
}

func (s *pgStmt) Close() error  { return s.inner.Close() }
func (s *pgStmt) NumInput() int { return s.inner.NumInput() }

func (s *pgStmt) Exec(args []driver.Value) (driver.Result, error) {
	return s.ExecContext(context.Background(), namedValues(args))
}

func (s *pgStmt) Query(args []driver.Value) (driver.Rows, error) {
	return s.QueryContext(context.Background(), namedValues(args))
}

func (s *pgStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	args = s.rw.convertArgs(args)
	if s.rw.returningID {
		rows, err := s.inner.(driver.StmtQueryContext).QueryContext(ctx, args)
		if err != nil {
			return nil, err
		}
		return collectReturnedIDs(rows)
	}
	return s.inner.(driver.StmtExecContext).ExecContext(ctx, args)
}

func (s *pgStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	rows, err := s.inner.(driver.StmtQueryContext).QueryContext(ctx, s.rw.convertArgs(args))
	if err != nil {
		return nil, err
	}
	return &pgRows{inner: rows}, nil
}

// namedValues numbers positional values.
func namedValues(args []driver.Value) []driver.NamedValue {
	out := make([]driver.NamedValue, len(args))
	for i, a := range args {
		out[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
	}
	return out
}

// pgRows returns booleans as 0/1 integers, as SQLite would.
type pgRows struct {
	inner driver.Rows
}

var int64Type = reflect.TypeOf(int64(0))

func (r *pgRows) Columns() []string { return r.inner.Columns() }
func (r *pgRows) Close() error      { return r.inner.Close() }

func (r *pgRows) Next(dest []driver.Value) error {
	if err := r.inner.Next(dest); err != nil {
		return err
	}
	for i, v := range dest {
		if b, ok := v.(bool); ok {
			dest[i] = boolInt(b)
		}
	}
	return nil
}

func (r *pgRows) ColumnTypeDatabaseTypeName(i int) string {
	if t, ok := r.inner.(driver.RowsColumnTypeDatabaseTypeName); ok {
		if name := t.ColumnTypeDatabaseTypeName(i); name != "BOOL" {
			return name
		}
		return "INT8"
	}
	return ""
}

func (r *pgRows) ColumnTypeScanType(i int) reflect.Type {
	if t, ok := r.inner.(driver.RowsColumnTypeScanType); ok {
		st := t.ColumnTypeScanType(i)
		if st != nil && st.Kind() == reflect.Bool {
			return int64Type
		}
		return st
	}
	return reflect.TypeOf(new(any)).Elem()
}

func (r *pgRows) ColumnTypeNullable(i int) (nullable, ok bool) {
	if t, ok := r.inner.(driver.RowsColumnTypeNullable); ok {
		return t.ColumnTypeNullable(i)
	}
	return false, false
}

func (r *pgRows) ColumnTypeLength(i int) (int64, bool) {
	if t, ok := r.inner.(driver.RowsColumnTypeLength); ok {
		return t.ColumnTypeLength(i)
	}
	return 0, false
}

func (r *pgRows) ColumnTypePrecisionScale(i int) (precision, scale int64, ok bool) {
	if t, ok := r.inner.(driver.RowsColumnTypePrecisionScale); ok {
		return t.ColumnTypePrecisionScale(i)
	}
	return 0, 0, false
}
