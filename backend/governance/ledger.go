package governance

import (
	"context"
	"fmt"
	"strconv"

	"creatordesk/backend/store"
)

// PurposeMarketing is the consent purpose offers and follow-ups need.
const PurposeMarketing = "marketing"

// Ledger records STOP/START commands found in inbound messages and consents.
type Ledger struct {
	Store *store.Store
}

// HandleInbound looks at newly stored messages and records every STOP or
// START in the opt-out ledger (for automated and marketing messages, across
// every platform of the contact), with the message that did it. It returns
// how many commands it recorded.
func (l *Ledger) HandleInbound(ctx context.Context, messageIDs []int64) (int, error) {
	msgs, err := l.Store.InboundMessagesByIDs(ctx, messageIDs)
	if err != nil {
		return 0, err
	}
	return l.HandleInboundMessages(ctx, msgs)
}

// HandleInboundMessages is HandleInbound for messages already read (the
// automation worker reads a batch once for the ledger and the rules).
func (l *Ledger) HandleInboundMessages(ctx context.Context, msgs []store.InboundMessage) (int, error) {
	n := 0
	for _, m := range msgs {
		cmd, keyword := DetectCommand(m.Text)
		if cmd == CommandNone || m.ContactID == nil {
			continue
		}
		if err := l.record(ctx, *m.ContactID, m.AuthorIdentityID, cmd == CommandStop, &m.ID, m.Platform, keyword, "contact", ""); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// SetOptOut records an opt-out or opt-in made by a person in the app (for
// example when a contact asked by phone).
func (l *Ledger) SetOptOut(ctx context.Context, actor string, contactID int64, optedOut bool) error {
	return l.record(ctx, contactID, nil, optedOut, nil, "app", "", actor, "")
}

// SetOptOutBecause is SetOptOut for a contact that must exist, with the
// person's reason kept in the audit trail.
func (l *Ledger) SetOptOutBecause(ctx context.Context, actor string, contactID int64, optedOut bool, reason string) error {
	if _, err := l.Store.ContactByID(ctx, contactID); err != nil {
		return err
	}
	return l.record(ctx, contactID, nil, optedOut, nil, "app", "", actor, reason)
}

// record appends one ledger row per scope and an audit entry.
func (l *Ledger) record(ctx context.Context, contactID int64, identityID *int64, out bool, msgID *int64, channel, keyword, actor, reason string) error {
	for _, scope := range []string{store.ScopeAutomated, store.ScopeMarketing} {
		cid := contactID
		if _, err := l.Store.RecordOptOut(ctx, store.OptOutEntry{ContactID: &cid, IdentityID: identityID, Scope: scope,
			OptedOut: out, MessageID: msgID, Channel: channel, Keyword: keyword, Actor: actor}); err != nil {
			return err
		}
	}
	action := "optout.start"
	if out {
		action = "optout.stop"
	}
	after := fmt.Sprintf(`{"channel":%q,"keyword":%q}`, channel, keyword)
	if msgID != nil {
		after = fmt.Sprintf(`{"channel":%q,"keyword":%q,"messageId":%d}`, channel, keyword, *msgID)
	}
	_, err := l.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: action, TargetType: "contact",
		TargetID: strconv.FormatInt(contactID, 10), Reason: reason, AfterJSON: after})
	return err
}

// RecordConsent records consent given or withdrawn for a purpose, with where
// it happened and the message that shows it.
func (l *Ledger) RecordConsent(ctx context.Context, actor string, c store.ConsentRecord) (store.ConsentRecord, error) {
	if c.Purpose == "" {
		return c, fmt.Errorf("governance: consent needs a purpose")
	}
	c.Actor = actor
	saved, err := l.Store.RecordConsent(ctx, c)
	if err != nil {
		return saved, err
	}
	action := "consent.granted"
	if !c.Granted {
		action = "consent.withdrawn"
	}
	_, err = l.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: action, TargetType: "contact",
		TargetID: strconv.FormatInt(c.ContactID, 10), Reason: c.Purpose, AfterJSON: fmt.Sprintf(`{"channel":%q}`, c.Channel)})
	return saved, err
}
