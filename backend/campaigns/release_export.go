package campaigns

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"time"
)

// ReleaseRow is one release as the register export writes it.
type ReleaseRow struct {
	ID             int64    `json:"id"`
	Status         string   `json:"status"`
	Creator        string   `json:"creator"`
	Author         string   `json:"author"`
	Title          string   `json:"title"`
	ContentURL     string   `json:"contentUrl"`
	Channels       []string `json:"channels"`
	PaidUse        bool     `json:"paidUse"`
	StartsAt       string   `json:"startsAt"`
	ExpiresAt      string   `json:"expiresAt"`
	Territories    []string `json:"territories"`
	Compensation   string   `json:"compensation"`
	EditsAllowed   bool     `json:"editsAllowed"`
	ConversationID int64    `json:"conversationId"`
	ConsentMessage int64    `json:"consentMessageId"`
	RequestedAt    string   `json:"requestedAt"`
	Notes          string   `json:"notes"`
}

// ReleaseRegister lists the register, soonest expiry first.
func (s *Service) ReleaseRegister(ctx context.Context) ([]ReleaseRow, error) {
	rows, err := s.Store.Releases(ctx)
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	if cs, err := s.Store.Creators(ctx, true); err == nil {
		for _, c := range cs {
			names[c.ID] = c.Name
		}
	} else {
		return nil, err
	}
	out := make([]ReleaseRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, ReleaseRow{ID: r.ID, Status: r.Status, Creator: names[deref(r.CreatorID)], Author: r.Author, Title: r.Title,
			ContentURL: r.ContentURL, Channels: SplitList(r.Channels), PaidUse: r.PaidUse, StartsAt: isoDay(r.StartsAt), ExpiresAt: isoDay(r.ExpiresAt),
			Territories: SplitList(r.Territories), Compensation: r.Compensation, EditsAllowed: r.EditsAllowed,
			ConversationID: deref(r.ConversationID), ConsentMessage: deref(r.MessageID), RequestedAt: isoDay(r.RequestedAt), Notes: r.Notes})
	}
	return out, nil
}

// isoDay is a UTC day "YYYY-MM-DD" ("" for 0).
func isoDay(ms int64) string {
	if ms == 0 {
		return ""
	}
	return time.UnixMilli(ms).UTC().Format(time.DateOnly)
}

// Export formats of the release register.
const (
	FormatCSV  = "csv"
	FormatJSON = "json"
)

// ExportReleases writes the register as CSV (one row per release, lists joined
// with "; ") or as a JSON array. The export itself is recorded in the audit trail.
func (s *Service) ExportReleases(ctx context.Context, w io.Writer, format, actor string) (int, error) {
	rows, err := s.ReleaseRegister(ctx)
	if err != nil {
		return 0, err
	}
	switch format {
	case FormatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		err = enc.Encode(rows)
	case FormatCSV:
		err = writeReleasesCSV(w, rows)
	default:
		return 0, invalid("format", "invalid")
	}
	if err == nil {
		s.audit(ctx, actor, "release.exported", "ugc_release", 0, format, nil, map[string]int{"rows": len(rows)})
	}
	return len(rows), err
}

// releaseCSVHeader is the register's CSV header (column names are part of the CLI's interface).
var releaseCSVHeader = []string{"id", "status", "creator", "author", "title", "content_url", "channels", "paid_use", "starts_at", "expires_at",
	"territories", "compensation", "edits_allowed", "conversation_id", "consent_message_id", "requested_at", "notes"}

// writeReleasesCSV writes rows as CSV.
func writeReleasesCSV(w io.Writer, rows []ReleaseRow) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(releaseCSVHeader); err != nil {
		return err
	}
	id := func(v int64) string {
		if v == 0 {
			return ""
		}
		return strconv.FormatInt(v, 10)
	}
	for _, r := range rows {
		if err := cw.Write([]string{strconv.FormatInt(r.ID, 10), r.Status, csvSafe(r.Creator), csvSafe(r.Author), csvSafe(r.Title), csvSafe(r.ContentURL),
			joinSemi(r.Channels), strconv.FormatBool(r.PaidUse), r.StartsAt, r.ExpiresAt, csvSafe(joinSemi(r.Territories)), csvSafe(r.Compensation),
			strconv.FormatBool(r.EditsAllowed), id(r.ConversationID), id(r.ConsentMessage), r.RequestedAt, csvSafe(r.Notes)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// joinSemi joins a list with "; ".
func joinSemi(list []string) string {
	out := ""
	for i, v := range list {
		if i > 0 {
			out += "; "
		}
		out += v
	}
	return out
}

// csvSafe keeps a spreadsheet from reading a typed value as a formula.
func csvSafe(v string) string {
	if v != "" && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@') {
		return "'" + v
	}
	return v
}
