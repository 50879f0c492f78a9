package app

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"creatordesk/backend/contacts"
	"creatordesk/backend/governance"
	"creatordesk/backend/store"
	"creatordesk/backend/workspace"
)

// Governance is the bound facade for the Privacy & audit screen: the audit
// trail, opt-outs and consent, retention with legal holds, data requests and appeals.
type Governance struct{ s *Session }

// NewGovernance binds the facade to a session.
func NewGovernance(s *Session) *Governance { return &Governance{s: s} }

func init() { registerFacade(func(s *Session) any { return NewGovernance(s) }) }

// svc is the open workspace's automation and governance services.
func (g *Governance) svc() (*workspace.AutomationServices, error) {
	svc := workspace.Automation(g.s.Workspace())
	if svc == nil {
		return nil, invalidInput("governance is not running")
	}
	return svc, nil
}

// st is the open workspace's store.
func (g *Governance) st() *store.Store { return g.s.Workspace().Store }

// SearchAudit returns a page of matching audit entries, newest first.
func (g *Governance) SearchAudit(q AuditQueryDTO) (AuditPageDTO, error) {
	f, err := auditFilter(q)
	if err != nil {
		return AuditPageDTO{}, err
	}
	limit := q.Limit
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	rows, err := g.st().SearchAudit(context.Background(), f, limit)
	if err != nil {
		return AuditPageDTO{}, err
	}
	out := AuditPageDTO{Items: make([]AuditEntryDTO, 0, len(rows))}
	for _, e := range rows {
		out.Items = append(out.Items, AuditEntryDTO{ID: e.ID, At: rfc3339(e.At), Actor: e.Actor, Action: e.Action, TargetType: e.TargetType,
			TargetID: e.TargetID, Reason: e.Reason, Before: e.BeforeJSON, After: e.AfterJSON})
	}
	if len(rows) == limit {
		out.NextBeforeID = rows[len(rows)-1].ID
	}
	return out, nil
}

// auditFilter reads the UI's query.
func auditFilter(q AuditQueryDTO) (store.AuditFilter, error) {
	f := store.AuditFilter{Actor: strings.TrimSpace(q.Actor), Action: strings.TrimSpace(q.Action), TargetType: strings.TrimSpace(q.TargetType),
		TargetID: strings.TrimSpace(q.TargetID), Text: strings.TrimSpace(q.Text), BeforeID: q.BeforeID}
	var err error
	if f.From, err = govParseTime(q.From, "from"); err != nil {
		return f, err
	}
	if f.To, err = govParseTime(q.To, "to"); err != nil {
		return f, err
	}
	return f, nil
}

// govParseTime reads RFC 3339 or a UTC date ("" = 0, open).
func govParseTime(s, field string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UnixMilli(), nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t.UnixMilli(), nil
	}
	return 0, invalidInput(field)
}

// VerifyAudit walks the hash chain and reports the first bad entry, if any.
func (g *Governance) VerifyAudit() (AuditVerifyDTO, error) {
	n, brk, err := g.st().VerifyAudit(context.Background())
	if err != nil {
		return AuditVerifyDTO{}, err
	}
	out := AuditVerifyDTO{OK: brk == nil, Checked: n, CheckedAt: rfc3339(g.st().Now().UnixMilli())}
	if brk != nil {
		out.BrokenID, out.Problem, out.Error = brk.EntryID, brk.Problem, ToAppError(brk)
	}
	return out, nil
}

// ExportAudit returns the entries matching q (the whole trail when q is
// empty), oldest first, as CSV or JSON text the UI offers for download.
func (g *Governance) ExportAudit(q AuditQueryDTO, format string) (FileDTO, error) {
	f, err := auditFilter(q)
	if err != nil {
		return FileDTO{}, err
	}
	f.BeforeID = 0
	var buf bytes.Buffer
	n, err := governance.ExportAudit(context.Background(), g.st(), g.s.Actor(), f, format, &buf)
	if err != nil {
		return FileDTO{}, err
	}
	mime := "text/csv"
	if format == "json" {
		mime = "application/json"
	}
	name := fmt.Sprintf("creatordesk-audit-%s.%s", g.st().Now().UTC().Format("20060102-150405"), format)
	return FileDTO{Filename: name, MimeType: mime, Encoding: "text", Content: buf.String(), Bytes: buf.Len(), Entries: n}, nil
}

// FindContacts finds contacts by name (the first ones by name when query is empty).
func (g *Governance) FindContacts(query string) ([]GovernanceContactDTO, error) {
	ctx := context.Background()
	rows, _, err := contacts.New(g.st(), g.s.Actor()).List(ctx, strings.TrimSpace(query), store.ContactCursor{}, 20)
	if err != nil {
		return nil, err
	}
	out := make([]GovernanceContactDTO, 0, len(rows))
	for _, c := range rows {
		d, err := g.contactDTO(ctx, c)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// contactDTO adds the opt-out and hold state to a contact.
func (g *Governance) contactDTO(ctx context.Context, c store.Contact) (GovernanceContactDTO, error) {
	out, _, err := g.st().OptedOut(ctx, c.ID, store.ScopeAutomated)
	if err != nil {
		return GovernanceContactDTO{}, err
	}
	held, err := g.st().ContactOnHold(ctx, c.ID)
	return GovernanceContactDTO{ID: c.ID, Name: c.DisplayName, OptedOut: out, OnHold: held}, err
}

// OptOuts lists the opt-out ledger newest first (contactID 0 = everyone).
func (g *Governance) OptOuts(contactID int64) ([]OptOutDTO, error) {
	rows, err := g.st().OptOutLedger(context.Background(), contactID, 300)
	if err != nil {
		return nil, err
	}
	out := make([]OptOutDTO, 0, len(rows))
	for _, r := range rows {
		d := OptOutDTO{ID: r.ID, ContactName: r.ContactName, Scope: r.Scope, OptedOut: r.OptedOut, At: rfc3339(r.At), Channel: r.Channel,
			Keyword: r.Keyword, Actor: r.Actor}
		if r.ContactID != nil {
			d.ContactID = *r.ContactID
		}
		if r.MessageID != nil {
			d.MessageID = *r.MessageID
		}
		out = append(out, d)
	}
	return out, nil
}

// SetOptOut opts a contact out of (or back into) automated and marketing
// messages on every platform, with the reason the person gave.
func (g *Governance) SetOptOut(contactID int64, optedOut bool, reason string) (GovernanceContactDTO, error) {
	svc, err := g.svc()
	if err != nil {
		return GovernanceContactDTO{}, err
	}
	ctx := context.Background()
	if err := svc.Ledger.SetOptOutBecause(ctx, g.s.Actor(), contactID, optedOut, strings.TrimSpace(reason)); err != nil {
		return GovernanceContactDTO{}, err
	}
	c, err := g.st().ContactByID(ctx, contactID)
	if err != nil {
		return GovernanceContactDTO{}, err
	}
	return g.contactDTO(ctx, c)
}

// Consents lists consent records newest first (contactID 0 = everyone).
func (g *Governance) Consents(contactID int64) ([]ConsentDTO, error) {
	rows, err := g.st().Consents(context.Background(), contactID, 300)
	if err != nil {
		return nil, err
	}
	out := make([]ConsentDTO, 0, len(rows))
	for _, r := range rows {
		out = append(out, toConsentDTO(r))
	}
	return out, nil
}

// RecordConsent records a consent given or withdrawn.
func (g *Governance) RecordConsent(in ConsentInputDTO) (ConsentDTO, error) {
	svc, err := g.svc()
	if err != nil {
		return ConsentDTO{}, err
	}
	ctx := context.Background()
	contact, err := g.st().ContactByID(ctx, in.ContactID)
	if err != nil {
		return ConsentDTO{}, err
	}
	purpose := strings.TrimSpace(in.Purpose)
	if purpose == "" {
		return ConsentDTO{}, &governance.InvalidError{Field: "purpose"}
	}
	channel := strings.TrimSpace(in.Channel)
	if channel == "" {
		channel = "app"
	}
	saved, err := svc.Ledger.RecordConsent(ctx, g.s.Actor(), store.ConsentRecord{ContactID: in.ContactID, Purpose: purpose, Granted: in.Granted,
		Channel: channel, Note: strings.TrimSpace(in.Note)})
	if err != nil {
		return ConsentDTO{}, err
	}
	saved.ContactName = contact.DisplayName
	return toConsentDTO(saved), nil
}

// toConsentDTO converts a consent record.
func toConsentDTO(r store.ConsentRecord) ConsentDTO {
	d := ConsentDTO{ID: r.ID, ContactID: r.ContactID, ContactName: r.ContactName, Purpose: r.Purpose, Granted: r.Granted, At: rfc3339(r.At),
		Channel: r.Channel, Note: r.Note, Actor: r.Actor}
	if r.EvidenceMessageID != nil {
		d.EvidenceMessageID = *r.EvidenceMessageID
	}
	return d
}

// RetentionPolicies lists the retention policies.
func (g *Governance) RetentionPolicies() ([]RetentionPolicyDTO, error) {
	rows, err := g.st().RetentionPolicies(context.Background())
	if err != nil {
		return nil, err
	}
	out := make([]RetentionPolicyDTO, 0, len(rows))
	for _, p := range rows {
		out = append(out, toPolicyDTO(p))
	}
	return out, nil
}

// SaveRetentionPolicy creates (id 0) or updates a policy.
func (g *Governance) SaveRetentionPolicy(p RetentionPolicyDTO) (RetentionPolicyDTO, error) {
	svc, err := g.svc()
	if err != nil {
		return RetentionPolicyDTO{}, err
	}
	saved, err := svc.Retention.SavePolicy(context.Background(), g.s.Actor(), store.RetentionPolicy{ID: p.ID, Name: p.Name,
		MatchType: p.MatchType, MatchValue: p.MatchValue, KeepDays: p.KeepDays, Enabled: p.Enabled})
	if err != nil {
		return RetentionPolicyDTO{}, err
	}
	return toPolicyDTO(saved), nil
}

// DeleteRetentionPolicy removes a policy.
func (g *Governance) DeleteRetentionPolicy(id int64) error {
	svc, err := g.svc()
	if err != nil {
		return err
	}
	return svc.Retention.DeletePolicy(context.Background(), g.s.Actor(), id)
}

// toPolicyDTO converts a policy.
func toPolicyDTO(p store.RetentionPolicy) RetentionPolicyDTO {
	return RetentionPolicyDTO{ID: p.ID, Name: p.Name, MatchType: p.MatchType, MatchValue: p.MatchValue, KeepDays: p.KeepDays, Enabled: p.Enabled}
}

// PurgePreview lists what a purge would delete now (held conversations are left out).
func (g *Governance) PurgePreview() ([]PurgeCandidateDTO, error) {
	svc, err := g.svc()
	if err != nil {
		return nil, err
	}
	rows, err := svc.Retention.Preview(context.Background())
	if err != nil {
		return nil, err
	}
	out := make([]PurgeCandidateDTO, 0, len(rows))
	for _, c := range rows {
		out = append(out, PurgeCandidateDTO{ConversationID: c.ConversationID, Title: c.Title, Kind: c.Kind, LastMessageAt: rfc3339(c.LastMessageAt),
			MessageCount: c.MessageCount, KeepDays: c.KeepDays})
	}
	return out, nil
}

// RunPurge deletes what the preview lists now.
func (g *Governance) RunPurge() (PurgeResultDTO, error) {
	svc, err := g.svc()
	if err != nil {
		return PurgeResultDTO{}, err
	}
	c, m, err := svc.Retention.Purge(context.Background(), g.s.Actor())
	return PurgeResultDTO{Conversations: c, Messages: m}, err
}

// LegalHolds lists the active holds (or all).
func (g *Governance) LegalHolds(activeOnly bool) ([]LegalHoldDTO, error) {
	ctx := context.Background()
	rows, err := g.st().LegalHolds(ctx, activeOnly)
	if err != nil {
		return nil, err
	}
	out := make([]LegalHoldDTO, 0, len(rows))
	for _, h := range rows {
		out = append(out, g.holdDTO(ctx, h))
	}
	return out, nil
}

// holdDTO converts a hold and names its target.
func (g *Governance) holdDTO(ctx context.Context, h store.LegalHold) LegalHoldDTO {
	d := LegalHoldDTO{ID: h.ID, TargetType: h.TargetType, TargetID: h.TargetID, Reason: h.Reason, Actor: h.Actor,
		CreatedAt: rfc3339(h.CreatedAt), ReleasedAt: rfc3339(h.ReleasedAt)}
	switch h.TargetType {
	case "contact":
		if c, err := g.st().ContactByID(ctx, h.TargetID); err == nil {
			d.TargetName = c.DisplayName
		}
	case "conversation":
		if c, err := g.st().ConversationByID(ctx, h.TargetID); err == nil {
			d.TargetName = c.Title
		}
	}
	return d
}

// AddLegalHold places a hold on a contact or conversation.
func (g *Governance) AddLegalHold(targetType string, targetID int64, reason string) (LegalHoldDTO, error) {
	svc, err := g.svc()
	if err != nil {
		return LegalHoldDTO{}, err
	}
	ctx := context.Background()
	h, err := svc.Retention.Hold(ctx, g.s.Actor(), targetType, targetID, reason)
	if err != nil {
		return LegalHoldDTO{}, err
	}
	return g.holdDTO(ctx, h), nil
}

// ReleaseLegalHold lifts a hold.
func (g *Governance) ReleaseLegalHold(id int64) error {
	svc, err := g.svc()
	if err != nil {
		return err
	}
	return svc.Retention.Release(context.Background(), g.s.Actor(), id)
}

// ExportContact returns a zip (base64) with everything stored about a
// contact; the UI saves it through a download link. The export is recorded.
func (g *Governance) ExportContact(contactID int64) (FileDTO, error) {
	svc, err := g.svc()
	if err != nil {
		return FileDTO{}, err
	}
	ctx := context.Background()
	if _, err := g.st().ContactByID(ctx, contactID); err != nil {
		return FileDTO{}, err
	}
	var buf bytes.Buffer
	if err := svc.Requests.Export(ctx, g.s.Actor(), contactID, &buf); err != nil {
		return FileDTO{}, err
	}
	return FileDTO{Filename: "creatordesk-contact-" + strconv.FormatInt(contactID, 10) + ".zip", MimeType: "application/zip",
		Encoding: "base64", Content: base64.StdEncoding.EncodeToString(buf.Bytes()), Bytes: buf.Len()}, nil
}

// EraseContact deletes a contact everywhere in the local data. confirmation
// must be the contact's name (or its number): it guards against a wrong click.
func (g *Governance) EraseContact(contactID int64, confirmation string) (EraseResultDTO, error) {
	svc, err := g.svc()
	if err != nil {
		return EraseResultDTO{}, err
	}
	ctx := context.Background()
	c, err := g.st().ContactByID(ctx, contactID)
	if err != nil {
		return EraseResultDTO{}, err
	}
	typed := strings.TrimSpace(confirmation)
	if typed == "" || (typed != strings.TrimSpace(c.DisplayName) && typed != strconv.FormatInt(c.ID, 10)) {
		return EraseResultDTO{}, &governance.InvalidError{Field: "confirmation"}
	}
	res, err := svc.Requests.Erase(ctx, g.s.Actor(), contactID)
	if err != nil {
		return EraseResultDTO{}, err
	}
	return EraseResultDTO{Conversations: res.Conversations, Messages: res.Messages}, nil
}

// DataRequests lists the recorded exports and erasures, newest first.
func (g *Governance) DataRequests() ([]DataRequestDTO, error) {
	rows, err := g.st().DataRequests(context.Background(), 200)
	if err != nil {
		return nil, err
	}
	out := make([]DataRequestDTO, 0, len(rows))
	for _, r := range rows {
		out = append(out, DataRequestDTO{ID: r.ID, ContactID: r.ContactID, Kind: r.Kind, Actor: r.Actor, Detail: r.Detail, At: rfc3339(r.At)})
	}
	return out, nil
}

// Appeals lists appeals: open ones by due date, or all newest first.
func (g *Governance) Appeals(openOnly bool) ([]AppealDTO, error) {
	rows, err := g.st().Appeals(context.Background(), openOnly, 200)
	if err != nil {
		return nil, err
	}
	out := make([]AppealDTO, 0, len(rows))
	for _, a := range rows {
		out = append(out, g.appealDTO(a))
	}
	return out, nil
}

// CreateAppeal logs a person's objection to a moderation decision.
func (g *Governance) CreateAppeal(in AppealInputDTO) (AppealDTO, error) {
	svc, err := g.svc()
	if err != nil {
		return AppealDTO{}, err
	}
	var due time.Time
	if ms, err := govParseTime(in.DueAt, "dueAt"); err != nil {
		return AppealDTO{}, err
	} else if ms != 0 {
		due = time.UnixMilli(ms)
	}
	a := store.Appeal{TargetType: in.TargetType, TargetID: in.TargetID, Reason: in.Reason}
	if in.ContactID != 0 {
		cid := in.ContactID
		a.ContactID = &cid
	}
	saved, err := svc.Appeals.Create(context.Background(), g.s.Actor(), a, due)
	if err != nil {
		return AppealDTO{}, err
	}
	return g.appealDTO(saved), nil
}

// ResolveAppeal moves an appeal to reviewing, upheld or overturned.
func (g *Governance) ResolveAppeal(id int64, status, resolution string) (AppealDTO, error) {
	svc, err := g.svc()
	if err != nil {
		return AppealDTO{}, err
	}
	a, err := svc.Appeals.Resolve(context.Background(), g.s.Actor(), id, status, resolution)
	if err != nil {
		return AppealDTO{}, err
	}
	return g.appealDTO(a), nil
}

// appealDTO converts an appeal; an unresolved appeal past its due date is overdue.
func (g *Governance) appealDTO(a store.Appeal) AppealDTO {
	d := AppealDTO{ID: a.ID, TargetType: a.TargetType, TargetID: a.TargetID, Reason: a.Reason, Status: a.Status, Resolution: a.Resolution,
		DueAt: rfc3339(a.DueAt), Actor: a.Actor, CreatedAt: rfc3339(a.CreatedAt), ResolvedAt: rfc3339(a.ResolvedAt)}
	if a.ContactID != nil {
		d.ContactID = *a.ContactID
	}
	open := a.Status == store.AppealOpen || a.Status == store.AppealReviewing
	d.Overdue = open && a.DueAt != 0 && g.st().Now().UnixMilli() > a.DueAt
	return d
}

// downloadsDir is where SaveDownload writes: the user's Downloads folder, or
// the workspace's exports folder when there is no home directory.
func (g *Governance) downloadsDir() string {
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		return filepath.Join(home, "Downloads")
	}
	return filepath.Join(g.s.Workspace().Dir, "exports")
}

// unsafeName matches characters a saved file's name must not hold.
var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// SaveDownload writes an export (from ExportAudit or ExportContact) into the
// user's Downloads folder, never replacing a file, and returns its path. The
// desktop webview cannot always follow a download link; this always works.
func (g *Governance) SaveDownload(f FileDTO) (string, error) {
	name := strings.Trim(unsafeName.ReplaceAllString(filepath.Base(f.Filename), "-"), ".-")
	if name == "" {
		return "", invalidInput("filename")
	}
	data := []byte(f.Content)
	if f.Encoding == "base64" {
		var err error
		if data, err = base64.StdEncoding.DecodeString(f.Content); err != nil {
			return "", invalidInput("content")
		}
	}
	dir := g.downloadsDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	ext := filepath.Ext(name)
	base := strings.TrimSuffix(name, ext)
	for i := 0; i < 1000; i++ {
		path := filepath.Join(dir, name)
		if i > 0 {
			path = filepath.Join(dir, fmt.Sprintf("%s (%d)%s", base, i, ext))
		}
		fh, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		if _, err := fh.Write(data); err != nil {
			_ = fh.Close()
			return "", err
		}
		return path, fh.Close()
	}
	return "", invalidInput("filename")
}
