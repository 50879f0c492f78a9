// Package attach files a WhatsApp chat export under the WhatsApp Cloud
// account it belongs to, instead of a separate "imported" archive account.
//
// The Cloud API cannot list past messages, so the Cloud account's
// conversations start empty; the export from the business phone holds their
// history. A chat with one customer joins the Cloud conversation with that
// customer's number (the thread id the Cloud connector sends to: the number's
// digits), so a reply goes out through the Cloud API from the same thread.
//
// Re-importing the same export, or an overlapping later one, adds nothing
// twice: ids are derived from the number, the time, the author and the text.
// A message the app itself sent through the Cloud API also appears in the
// export; it is recognised (same direction and text, written within
// dupWindow) and not imported again.
package attach

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"creatordesk/backend/importers/archive"
	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

// dupWindow is how far apart an exported message and one already stored may
// be written and still count as the same message (exports round times to
// the minute on some phones).
const dupWindow = 2 * time.Minute

// Request says where an archive goes.
type Request struct {
	// AccountID is the WhatsApp Cloud account.
	AccountID int64
	// Phone is the customer's number, when the export does not show it (the
	// chat is saved under a contact name).
	Phone string
	// Actor is who imports, for the audit trail.
	Actor string
}

// Result is what an attach did.
type Result struct {
	Account store.Account
	// Phone is the customer's number (the conversation's thread id).
	Phone string
	// Read is the number of messages in the export; Inserted the new ones;
	// Duplicates the ones already in the conversation (sent from the app).
	Read, Inserted, Updated, Duplicates int
	// ConversationID is the Cloud conversation the history joined.
	ConversationID int64
}

// Errors a person can cause; each names its translation.
var (
	// ErrNotCloudAccount: the account is not a connected WhatsApp Cloud account.
	ErrNotCloudAccount error = &keyedError{"attach: the account is not a connected WhatsApp Cloud account", "invalid_input", "errors.connectors2.attachNotCloud"}
	// ErrNotWhatsApp: only WhatsApp exports can join a WhatsApp account.
	ErrNotWhatsApp error = &keyedError{"attach: only a WhatsApp chat export can join a WhatsApp account", "invalid_input", "errors.connectors2.attachNotWhatsApp"}
	// ErrNoPhone: the export shows no phone number and none was given.
	ErrNoPhone error = &keyedError{"attach: the export does not show the customer's phone number; give it with --phone", "invalid_input", "errors.connectors2.attachNoPhone"}
	// ErrBadPhone: the given number is not a phone number in international form.
	ErrBadPhone error = &keyedError{"attach: the phone number must be in international form, such as +40 722 123 456", "invalid_input", "errors.connectors2.attachBadPhone"}
	// ErrGroupChat: a group chat has no single number to join.
	ErrGroupChat error = &keyedError{"attach: a group chat cannot join a WhatsApp Cloud conversation; import it without an account", "invalid_input", "errors.connectors2.attachGroup"}
)

// keyedError is an error with its translation key (app.KeyedError).
type keyedError struct{ msg, code, key string }

// Error implements error.
func (e *keyedError) Error() string { return e.msg }

// ErrorKey implements app.KeyedError.
func (e *keyedError) ErrorKey() (code, key string, args map[string]string) { return e.code, e.key, nil }

// phoneDigits matches a WhatsApp number once spaces, dashes, dots,
// parentheses and a leading + or 00 are removed (what the Cloud API sends to).
var phoneDigits = regexp.MustCompile(`^[1-9]\d{6,14}$`)

// NormalizePhone returns a phone number's digits ("+40 722-123 456" →
// "40722123456"); ok is false when s is not a number in international form.
func NormalizePhone(s string) (string, bool) {
	s = strings.TrimSpace(strings.Trim(s, "\u200e\u200f\u202a\u202c\u2068\u2069"))
	intl := strings.HasPrefix(s, "+") || strings.HasPrefix(s, "00")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "+"), "00")
	s = strings.NewReplacer(" ", "", "\u00a0", "", "-", "", ".", "", "(", "", ")", "", "\u202f", "").Replace(s)
	if !intl && len(s) < 10 {
		return "", false // a short local number: the country is unknown
	}
	return s, phoneDigits.MatchString(s)
}

// WhatsApp files the archive a under the Cloud account req.AccountID. The
// archive must be one chat with one customer; its messages are rewritten to
// the customer's number as thread id, compared with what the conversation
// already holds, and stored in one transaction (nothing on error). The
// imported messages are history: the conversation is marked read.
func WhatsApp(ctx context.Context, st *store.Store, a archive.Archive, req Request) (Result, error) {
	if a.Platform != "whatsapp" {
		return Result{}, ErrNotWhatsApp
	}
	acc, err := st.AccountByID(ctx, req.AccountID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && (acc.Platform != "whatsapp" || acc.Status == store.AccountImported || acc.Status == store.AccountDisconnected)) {
		return Result{}, ErrNotCloudAccount
	}
	if err != nil {
		return Result{}, err
	}
	phone, name, err := customer(a, req.Phone)
	if err != nil {
		return Result{}, err
	}
	res := Result{Account: acc, Phone: phone, Read: len(a.Messages)}
	convID, existing, err := conversationMessages(ctx, st, acc.ID, phone)
	if err != nil {
		return Result{}, err
	}
	msgs := rewrite(a, phone, name)
	kept := msgs[:0]
	for _, m := range msgs {
		if sentFromApp(m, existing) {
			res.Duplicates++
			continue
		}
		kept = append(kept, m)
	}
	// The Cloud account's own cursor stays as it is.
	ing, err := st.IngestPage(ctx, acc.ID, kept, acc.SyncCursor)
	if err != nil {
		return Result{}, err
	}
	res.Inserted, res.Updated, res.ConversationID = ing.Inserted, ing.Updated, convID
	for _, id := range ing.ConversationIDs {
		res.ConversationID = id
		if err := st.MarkConversationRead(ctx, id); err != nil {
			return res, err
		}
	}
	_, _ = st.AppendAudit(ctx, store.AuditEvent{Actor: req.Actor, Action: "import.whatsapp.attach", TargetType: "account",
		TargetID: fmt.Sprint(acc.ID), Reason: "chat export joined the conversation with " + phone,
		AfterJSON: fmt.Sprintf(`{"read":%d,"new":%d,"duplicates":%d,"skipped":%d}`, res.Read, res.Inserted, res.Duplicates, len(a.Skipped))})
	return res, nil
}

// customer finds the one customer of the chat: their number (given, or the
// chat's title or author name when it is a number) and the name to show.
func customer(a archive.Archive, given string) (phone, name string, err error) {
	owner := a.Owner.ExternalID
	others := map[string]bool{}
	title := ""
	for _, m := range a.Messages {
		if m.Author.ExternalID != owner || owner == "" {
			others[m.Author.ExternalID] = true
		}
		title = m.ThreadTitle
	}
	if owner != "" && len(others) > 1 || owner == "" && len(others) > 2 {
		return "", "", ErrGroupChat
	}
	name = title
	if strings.TrimSpace(given) != "" {
		p, ok := NormalizePhone(given)
		if !ok {
			return "", "", ErrBadPhone
		}
		return p, name, nil
	}
	candidates := map[string]bool{}
	for _, s := range append([]string{title}, keys(others)...) {
		if p, ok := NormalizePhone(s); ok {
			candidates[p] = true
		}
	}
	if len(candidates) != 1 {
		return "", "", ErrNoPhone
	}
	for p := range candidates {
		phone = p
	}
	return phone, name, nil
}

// keys returns a set's members.
func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// rewrite moves the archive's messages into the customer's thread, with ids
// derived from the number, the time, the direction and the text (so neither
// the file's name nor how the contact was saved matters) and the customer's
// number as the author id of what they wrote.
func rewrite(a archive.Archive, phone, name string) []platforms.Message {
	seen := archive.Occurrences{}
	out := make([]platforms.Message, 0, len(a.Messages))
	for _, m := range a.Messages {
		// The direction stands for the author: the customer may be saved
		// under a name on one phone and show as a number on another.
		sent := m.SentAt.UTC().Format(time.RFC3339)
		occ := seen.Next(phone, sent, string(m.Direction), m.Text)
		m.ExternalID = "waexport:" + archive.HashID(phone, sent, string(m.Direction), m.Text, fmt.Sprint(occ))
		m.ThreadExternalID, m.ThreadTitle = phone, name
		if m.Direction == platforms.DirectionIn {
			m.Author = platforms.Person{ExternalID: phone, DisplayName: m.Author.DisplayName}
		}
		out = append(out, m)
	}
	return out
}

// conversationMessages returns the account's conversation with phone and
// its newest messages (0 and none when there is no such conversation yet).
func conversationMessages(ctx context.Context, st *store.Store, accountID int64, phone string) (int64, []store.Message, error) {
	var after store.ConversationCursor
	for {
		page, next, err := st.Conversations(ctx, store.ConversationFilter{AccountID: accountID}, after, 200)
		if err != nil {
			return 0, nil, err
		}
		for _, c := range page {
			if c.ExternalID == phone {
				msgs, err := st.Messages(ctx, c.ID, store.ThreadLimit)
				return c.ID, msgs, err
			}
		}
		if next == (store.ConversationCursor{}) || len(page) == 0 {
			return 0, nil, nil
		}
		after = next
	}
}

// sentFromApp reports whether m is a copy of a message already stored with
// another id: the same direction and text, written within dupWindow.
func sentFromApp(m platforms.Message, existing []store.Message) bool {
	dir := string(m.Direction)
	for _, e := range existing {
		if e.Direction != dir || e.Text != m.Text || strings.HasPrefix(e.ExternalID, "waexport:") {
			continue
		}
		if d := m.SentAt.Sub(time.UnixMilli(e.SentAt)); d <= dupWindow && d >= -dupWindow {
			return true
		}
	}
	return false
}
