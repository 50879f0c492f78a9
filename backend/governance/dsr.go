package governance

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"

	"creatordesk/backend/store"
)

// Requests handles data-subject requests: export and erasure.
type Requests struct {
	Store *store.Store
}

// Export writes a zip with everything stored about a contact: contact.json
// (every table) and one CSV per table. The request is recorded.
func (q *Requests) Export(ctx context.Context, actor string, contactID int64, w io.Writer) error {
	data, err := q.Store.ContactExport(ctx, contactID)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	names := make([]string, 0, len(data.Tables))
	for name := range data.Tables {
		names = append(names, name)
	}
	sort.Strings(names)
	jf, err := zw.Create("contact.json")
	if err != nil {
		return err
	}
	enc := json.NewEncoder(jf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(map[string]any{"contactId": contactID, "tables": data.Tables}); err != nil {
		return err
	}
	for _, name := range names {
		f, err := zw.Create(name + ".csv")
		if err != nil {
			return err
		}
		if err := writeCSV(f, data.Tables[name]); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return q.record(ctx, actor, contactID, "export", fmt.Sprintf("%d tables", len(names)))
}

// writeCSV writes rows with a header of their sorted column names.
func writeCSV(w io.Writer, rows store.Rows) error {
	cw := csv.NewWriter(w)
	var cols []string
	if len(rows) > 0 {
		for c := range rows[0] {
			cols = append(cols, c)
		}
		sort.Strings(cols)
	}
	if err := cw.Write(cols); err != nil {
		return err
	}
	for _, r := range rows {
		rec := make([]string, len(cols))
		for i, c := range cols {
			rec[i] = r[c]
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Erase deletes a contact everywhere in the local data (including the search
// index) and records the request with counts only.
func (q *Requests) Erase(ctx context.Context, actor string, contactID int64) (store.EraseResult, error) {
	res, err := q.Store.EraseContact(ctx, contactID)
	if err != nil {
		return res, err
	}
	return res, q.record(ctx, actor, contactID, "erase", fmt.Sprintf("%d conversations, %d messages", res.Conversations, res.Messages))
}

// record logs the request and its audit entry.
func (q *Requests) record(ctx context.Context, actor string, contactID int64, kind, detail string) error {
	if _, err := q.Store.RecordDataRequest(ctx, store.DataRequest{ContactID: contactID, Kind: kind, Actor: actor, Detail: detail}); err != nil {
		return err
	}
	_, err := q.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "datarequest." + kind, TargetType: "contact",
		TargetID: strconv.FormatInt(contactID, 10), Reason: detail})
	return err
}
