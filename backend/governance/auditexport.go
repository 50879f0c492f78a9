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

// ExportAuditEntries writes entries (oldest first, as given) as "csv" or "json".
func ExportAuditEntries(entries []store.AuditEvent, format string, w io.Writer) error {
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(AuditColumns); err != nil {
			return err
		}
		for _, e := range entries {
			if err := cw.Write([]string{strconv.FormatInt(e.ID, 10), time.UnixMilli(e.At).UTC().Format(time.RFC3339Nano), e.Actor,
				e.Action, e.TargetType, e.TargetID, e.Reason, e.BeforeJSON, e.AfterJSON, e.PrevHash, e.Hash}); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	case "json":
		out := make([]map[string]any, 0, len(entries))
		for _, e := range entries {
			out = append(out, map[string]any{"id": e.ID, "at": time.UnixMilli(e.At).UTC().Format(time.RFC3339Nano), "actor": e.Actor,
				"action": e.Action, "targetType": e.TargetType, "targetId": e.TargetID, "reason": e.Reason, "before": e.BeforeJSON,
				"after": e.AfterJSON, "prevHash": e.PrevHash, "hash": e.Hash})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	return &InvalidError{Field: "format"}
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
