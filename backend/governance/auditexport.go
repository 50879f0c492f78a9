package governance

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"creatordesk/backend/store"
)

// AuditColumns are the CSV export's columns, in order.
var AuditColumns = []string{"id", "at", "actor", "action", "target_type", "target_id", "reason", "before", "after", "prev_hash", "hash"}

// AuditWriter writes audit entries one at a time as CSV or as a JSON array,
// so the whole trail can be streamed without holding it in memory. The CLI's
// `audit export` and the Privacy screen's export both use it.
type AuditWriter struct {
	w    io.Writer
	csv  *csv.Writer
	n    int
	done bool
}

// NewAuditWriter starts an export in format ("csv" or "json").
func NewAuditWriter(format string, w io.Writer) (*AuditWriter, error) {
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		return &AuditWriter{w: w, csv: cw}, cw.Write(AuditColumns)
	case "json":
		_, err := io.WriteString(w, "[")
		return &AuditWriter{w: w}, err
	}
	return nil, &InvalidError{Field: "format"}
}

// Write adds one entry.
func (a *AuditWriter) Write(e store.AuditEvent) error {
	at := time.UnixMilli(e.At).UTC().Format(time.RFC3339Nano)
	if a.csv != nil {
		return a.csv.Write([]string{strconv.FormatInt(e.ID, 10), at, e.Actor, e.Action, e.TargetType, e.TargetID, e.Reason,
			e.BeforeJSON, e.AfterJSON, e.PrevHash, e.Hash})
	}
	b, err := json.Marshal(map[string]any{"id": e.ID, "at": at, "actor": e.Actor, "action": e.Action, "targetType": e.TargetType,
		"targetId": e.TargetID, "reason": e.Reason, "before": e.BeforeJSON, "after": e.AfterJSON, "prevHash": e.PrevHash, "hash": e.Hash})
	if err != nil {
		return err
	}
	sep := ",\n  "
	if a.n == 0 {
		sep = "\n  "
	}
	a.n++
	_, err = fmt.Fprintf(a.w, "%s%s", sep, b)
	return err
}

// Close ends the export (the CSV buffer is flushed, the JSON array closed).
func (a *AuditWriter) Close() error {
	if a.done {
		return nil
	}
	a.done = true
	if a.csv != nil {
		a.csv.Flush()
		return a.csv.Error()
	}
	_, err := io.WriteString(a.w, "\n]\n")
	return err
}

// ExportAuditEntries writes entries (oldest first, as given) as "csv" or "json".
func ExportAuditEntries(entries []store.AuditEvent, format string, w io.Writer) error {
	aw, err := NewAuditWriter(format, w)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := aw.Write(e); err != nil {
			return err
		}
	}
	return aw.Close()
}

// MaxAuditExport is how many entries one filtered export holds at most.
const MaxAuditExport = 5000

// ExportAudit writes the entries matching f, oldest first: the whole trail
// when f is empty, else the newest MaxAuditExport matches. The export itself
// is recorded.
func ExportAudit(ctx context.Context, st *store.Store, actor string, f store.AuditFilter, format string, w io.Writer) (int, error) {
	if format != "csv" && format != "json" {
		return 0, &InvalidError{Field: "format"}
	}
	var entries []store.AuditEvent
	if f == (store.AuditFilter{}) {
		if err := st.EachAudit(ctx, func(e store.AuditEvent) error {
			entries = append(entries, e)
			return nil
		}); err != nil {
			return 0, err
		}
	} else {
		found, err := st.SearchAudit(ctx, f, MaxAuditExport)
		if err != nil {
			return 0, err
		}
		for i := len(found) - 1; i >= 0; i-- {
			entries = append(entries, found[i])
		}
	}
	if err := ExportAuditEntries(entries, format, w); err != nil {
		return 0, err
	}
	_, err := st.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "audit.exported", TargetType: "audit",
		Reason: format, AfterJSON: fmt.Sprintf(`{"entries":%d}`, len(entries))})
	return len(entries), err
}
