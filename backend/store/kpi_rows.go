package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// kpiRows runs a read-only query on the read pool and hands each row's values
// to row, straight from the driver (database/sql's per-row locking and
// conversions cost more than SQLite's own work on the KPI reads of 100,000
// rows and more). The values are the driver's own (read them with kpiInt and
// kpiText); row must not keep dest. A driver that cannot run the query
// directly gets it through database/sql instead.
func (s *Store) kpiRows(ctx context.Context, q string, args []any, row func(dest []driver.Value) error) error {
	db, err := s.R.DB()
	if err != nil {
		return err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return classify(err)
	}
	defer conn.Close()
	direct := false
	err = conn.Raw(func(dc any) error {
		qc, ok := dc.(driver.QueryerContext)
		if !ok {
			return nil
		}
		named := make([]driver.NamedValue, len(args))
		for i, a := range args {
			named[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
		}
		rows, err := qc.QueryContext(ctx, q, named)
		if errors.Is(err, driver.ErrSkip) {
			return nil
		}
		direct = true
		if err != nil {
			return classify(err)
		}
		defer rows.Close()
		dest := make([]driver.Value, len(rows.Columns()))
		for {
			if err := rows.Next(dest); errors.Is(err, io.EOF) {
				return nil
			} else if err != nil {
				return classify(err)
			}
			if err := row(dest); err != nil {
				return fmt.Errorf("store: kpi row: %w", err)
			}
		}
	})
	if err != nil || direct {
		return err
	}
	return s.kpiQuery(ctx, q, args, func(r *sql.Rows) error {
		cols, err := r.Columns()
		if err != nil {
			return err
		}
		vals, ptrs := make([]any, len(cols)), make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := r.Scan(ptrs...); err != nil {
			return err
		}
		dest := make([]driver.Value, len(vals))
		for i, v := range vals {
			dest[i] = v
		}
		return row(dest)
	})
}

// kpiInt reads an integer (or boolean) column value of kpiRows.
func kpiInt(v driver.Value) (int64, error) {
	switch x := v.(type) {
	case int64:
		return x, nil
	case nil:
		return 0, nil
	case bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case float64:
		return int64(x), nil
	case int32:
		return int64(x), nil
	case []byte:
		return strconv.ParseInt(string(x), 10, 64)
	case string:
		return strconv.ParseInt(x, 10, 64)
	}
	return 0, fmt.Errorf("store: kpi: %T is not an integer", v)
}

// kpiInts reads the integer columns of a row into out (one pointer per column, from the first).
func kpiInts(dest []driver.Value, out ...*int64) error {
	for i, p := range out {
		v, err := kpiInt(dest[i])
		if err != nil {
			return err
		}
		*p = v
	}
	return nil
}

// kpiText reads a text column value of kpiRows.
func kpiText(v driver.Value) string {
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// kpiChunks gathers many rows in fixed-size chunks and joins them once: a
// slice grown by append copies its rows again at every doubling.
type kpiChunks[T any] struct {
	full [][]T
	cur  []T
	n    int
}

// add appends one row.
func (c *kpiChunks[T]) add(v T) {
	if len(c.cur) == cap(c.cur) {
		if c.cur != nil {
			c.full = append(c.full, c.cur)
		}
		c.cur = make([]T, 0, 8192)
	}
	c.cur = append(c.cur, v)
	c.n++
}

// all is every row added, in order (nil when none was).
func (c *kpiChunks[T]) all() []T {
	if c.n == 0 {
		return nil
	}
	out := make([]T, 0, c.n)
	for _, f := range c.full {
		out = append(out, f...)
	}
	return append(out, c.cur...)
}
