package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// TableSum is a table's row count and an order-independent checksum of its
// normalized rows: the sum (lane by lane, modulo 2^64) of every row's SHA-256.
// Equal on both sides means the same multiset of rows, whatever order each
// engine returns them in.
type TableSum struct {
	// Rows is the number of rows.
	Rows int64
	// Sum is the checksum in hex.
	Sum string
}

// normalizeCopyValue turns a value read from either engine into the form the
// copy writes and the checksum hashes: nil, int64, float64, string or []byte
// according to the column's kind.
func normalizeCopyValue(kind ColumnKind, v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	switch kind {
	case KindInt:
		switch x := v.(type) {
		case int64:
			return x, nil
		case float64:
			if x == math.Trunc(x) && math.Abs(x) < 1<<63 {
				return int64(x), nil
			}
		case string:
			return strconv.ParseInt(strings.TrimSpace(x), 10, 64)
		case []byte:
			return strconv.ParseInt(strings.TrimSpace(string(x)), 10, 64)
		case bool:
			return boolInt(x), nil
		}
	case KindFloat:
		switch x := v.(type) {
		case float64:
			return x, nil
		case int64:
			return float64(x), nil
		case string:
			return strconv.ParseFloat(strings.TrimSpace(x), 64)
		case []byte:
			return strconv.ParseFloat(strings.TrimSpace(string(x)), 64)
		}
	case KindText:
		switch x := v.(type) {
		case string:
			return x, nil
		case []byte:
			return string(x), nil
		case int64:
			return strconv.FormatInt(x, 10), nil
		case float64:
			return strconv.FormatFloat(x, 'g', -1, 64), nil
		}
	case KindBytes:
		switch x := v.(type) {
		case []byte:
			return append([]byte(nil), x...), nil
		case string:
			return []byte(x), nil
		}
	}
	return nil, fmt.Errorf("a %T value where the column holds another kind", v)
}

// rowHasher accumulates a TableSum.
type rowHasher struct {
	rows  int64
	lanes [4]uint64
	buf   []byte
}

// add hashes one normalized row.
func (h *rowHasher) add(vals []any) {
	h.buf = h.buf[:0]
	for _, v := range vals {
		switch x := v.(type) {
		case nil:
			h.buf = append(h.buf, 'N')
		case int64:
			h.buf = append(h.buf, 'I')
			h.buf = binary.BigEndian.AppendUint64(h.buf, uint64(x))
		case float64:
			h.buf = append(h.buf, 'F')
			h.buf = binary.BigEndian.AppendUint64(h.buf, math.Float64bits(x))
		case string:
			h.buf = append(h.buf, 'S')
			h.buf = binary.BigEndian.AppendUint64(h.buf, uint64(len(x)))
			h.buf = append(h.buf, x...)
		case []byte:
			h.buf = append(h.buf, 'B')
			h.buf = binary.BigEndian.AppendUint64(h.buf, uint64(len(x)))
			h.buf = append(h.buf, x...)
		}
	}
	sum := sha256.Sum256(h.buf)
	for i := range h.lanes {
		h.lanes[i] += binary.BigEndian.Uint64(sum[i*8:])
	}
	h.rows++
}

// result is the accumulated TableSum.
func (h *rowHasher) result() TableSum {
	var b [32]byte
	for i, l := range h.lanes {
		binary.BigEndian.PutUint64(b[i*8:], l)
	}
	return TableSum{Rows: h.rows, Sum: hex.EncodeToString(b[:])}
}

// checksumSQL is the query a checksum reads: every copied column, or only
// the entries (rowids) of a full-text index, whose SQLite form keeps no text.
func checksumSQL(t CopyTable) (string, []ColumnKind) {
	if t.Search {
		return `SELECT rowid FROM ` + quoteIdent(t.Name), []ColumnKind{KindInt}
	}
	return `SELECT ` + quotedList(t.Columns) + ` FROM ` + quoteIdent(t.Name), t.Kinds
}

// checksumRows streams a checksum query.
func checksumRows(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, t CopyTable) (TableSum, error) {
	query, kinds := checksumSQL(t)
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return TableSum{}, fmt.Errorf("store: checksum of %s: %w", t.Name, classify(err))
	}
	defer rows.Close()
	var h rowHasher
	raw := make([]any, len(kinds))
	ptrs := make([]any, len(kinds))
	for i := range raw {
		ptrs[i] = &raw[i]
	}
	vals := make([]any, len(kinds))
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return TableSum{}, fmt.Errorf("store: checksum of %s: %w", t.Name, classify(err))
		}
		for i, k := range kinds {
			if vals[i], err = normalizeCopyValue(k, raw[i]); err != nil {
				return TableSum{}, fmt.Errorf("store: checksum of %s, column %d: %w", t.Name, i, err)
			}
		}
		h.add(vals)
	}
	if err := rows.Err(); err != nil {
		return TableSum{}, fmt.Errorf("store: checksum of %s: %w", t.Name, classify(err))
	}
	return h.result(), nil
}

// TableChecksum computes a table's TableSum from the store's read pool (the
// target side of a copy; the source reads through its CopySnapshot).
func (s *Store) TableChecksum(ctx context.Context, t CopyTable) (TableSum, error) {
	return checksumRows(ctx, s.reader(), t)
}
