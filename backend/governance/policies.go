package governance

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
)

// Automated reports whether a send was written by a machine (a rule, an
// approved AI draft, the away message) or scheduled without a person
// pressing send: the sends opt-out, caps and the kill switch apply to.
func Automated(req inbox.SendRequest) bool {
	switch req.Origin {
	case inbox.OriginAutomation, inbox.OriginAway, inbox.OriginScheduled:
		return true
	}
	return false
}

// Gate holds the send-gate policies of the governance area. Register its
// Policies() on inbox.Service.Policies and its AfterSend on inbox.Service.AfterSend.
type Gate struct {
	Store *store.Store
	// Now is the clock (the store's when nil).
	Now func() time.Time
}

// now returns the gate's time.
func (g *Gate) now() time.Time {
	if g.Now != nil {
		return g.Now()
	}
	return g.Store.Now()
}

// policyFunc adapts a function to inbox.Policy.
type policyFunc func(ctx context.Context, conv store.Conversation, req *inbox.SendRequest) error

// Check implements inbox.Policy.
func (f policyFunc) Check(ctx context.Context, conv store.Conversation, req *inbox.SendRequest) error {
	return f(ctx, conv, req)
}

// Policies returns the checks in the order they run: kill switch, a
// conversation handed over to a person, opt-out, consent, loop guard, rate
// caps, and last the disclosure (which amends the text).
func (g *Gate) Policies() []inbox.Policy {
	return []inbox.Policy{policyFunc(g.checkPaused), policyFunc(g.checkHandedOver), policyFunc(g.checkOptOut), policyFunc(g.checkConsent),
		policyFunc(g.checkLoop), policyFunc(g.checkCaps), policyFunc(g.addDisclosure)}
}

// checkPaused refuses automated sends while the kill switch is on.
func (g *Gate) checkPaused(ctx context.Context, _ store.Conversation, req *inbox.SendRequest) error {
	if Automated(*req) && Paused(ctx, g.Store) {
		return refused(RefusedPaused, nil)
	}
	return nil
}

// checkOptOut refuses automated and marketing sends to a contact who said STOP.
// A person answering a person is never blocked.
func (g *Gate) checkOptOut(ctx context.Context, conv store.Conversation, req *inbox.SendRequest) error {
	if conv.ContactID == nil || (!Automated(*req) && !req.Marketing) {
		return nil
	}
	scopes := []string{}
	if Automated(*req) {
		scopes = append(scopes, store.ScopeAutomated)
	}
	if req.Marketing {
		scopes = append(scopes, store.ScopeMarketing)
	}
	for _, scope := range scopes {
		out, entry, err := g.Store.OptedOut(ctx, *conv.ContactID, scope)
		if err != nil {
			return err
		}
		if out {
			return refused(RefusedOptedOut, map[string]string{"at": time.UnixMilli(entry.At).UTC().Format("2006-01-02 15:04 UTC"),
				"keyword": entry.Keyword, "channel": entry.Channel})
		}
	}
	return nil
}

// checkConsent refuses marketing to a contact without a standing consent.
func (g *Gate) checkConsent(ctx context.Context, conv store.Conversation, req *inbox.SendRequest) error {
	if !req.Marketing {
		return nil
	}
	if conv.ContactID == nil {
		return refused(RefusedNoConsent, nil)
	}
	ok, err := g.Store.HasConsent(ctx, *conv.ContactID, PurposeMarketing)
	if err != nil {
		return err
	}
	if !ok {
		return refused(RefusedNoConsent, nil)
	}
	return nil
}

// checkLoop keeps automations from talking to machines: no automated answer to
// a bot, to our own echo, or past the per-conversation cap in ten minutes
// (two automations answering each other stop there).
func (g *Gate) checkLoop(ctx context.Context, conv store.Conversation, req *inbox.SendRequest) error {
	if !Automated(*req) {
		return nil
	}
	recent, err := g.Store.RecentMessages(ctx, conv.ID, 20)
	if err != nil {
		return err
	}
	for _, m := range recent {
		if m.Direction != "in" {
			continue
		}
		if m.AuthorIdentityID != nil {
			if id, err := g.Store.AuthorIdentity(ctx, *m.AuthorIdentityID); err == nil && id.IsBot {
				return refused(RefusedBot, nil)
			}
		}
		for _, o := range recent {
			if o.Direction == "out" && strings.TrimSpace(o.Text) != "" &&
				strings.EqualFold(strings.TrimSpace(o.Text), strings.TrimSpace(m.Text)) {
				return refused(RefusedEcho, nil)
			}
		}
		break // only the newest inbound message is being answered
	}
	limits := ReadLimits(ctx, g.Store)
	n, err := g.Store.Counter(ctx, convKey(conv.ID), window(g.now(), 10*time.Minute))
	if err != nil {
		return err
	}
	if n >= limits.LoopPerTenMinutes {
		return refused(RefusedLoop, map[string]string{"max": strconv.Itoa(limits.LoopPerTenMinutes)})
	}
	return nil
}

// checkCaps applies the per-contact hourly and per-account daily caps.
func (g *Gate) checkCaps(ctx context.Context, conv store.Conversation, req *inbox.SendRequest) error {
	if !Automated(*req) {
		return nil
	}
	limits := ReadLimits(ctx, g.Store)
	now := g.now()
	n, err := g.Store.Counter(ctx, contactKey(conv), window(now, time.Hour))
	if err != nil {
		return err
	}
	if n >= limits.ContactHourly {
		return refused(RefusedContactCap, map[string]string{"max": strconv.Itoa(limits.ContactHourly)})
	}
	n, err = g.Store.Counter(ctx, accountKey(conv.AccountID), window(now, 24*time.Hour))
	if err != nil {
		return err
	}
	if n >= limits.AccountDaily {
		return refused(RefusedAccountCap, map[string]string{"max": strconv.Itoa(limits.AccountDaily)})
	}
	return nil
}

// AfterSend counts delivered automated messages and records the disclosure
// the first one carried. Register it on inbox.Service.AfterSend.
func (g *Gate) AfterSend(ctx context.Context, conv store.Conversation, req inbox.SendRequest, m store.Message) {
	if !Automated(req) || m.State != store.StateSent {
		return
	}
	now := g.now()
	_, _ = g.Store.BumpCounter(ctx, contactKey(conv), window(now, time.Hour))
	_, _ = g.Store.BumpCounter(ctx, accountKey(conv.AccountID), window(now, 24*time.Hour))
	_, _ = g.Store.BumpCounter(ctx, convKey(conv.ID), window(now, 10*time.Minute))
	if req.Origin != inbox.OriginScheduled && conv.ContactID != nil {
		if done, err := g.Store.Disclosed(ctx, *conv.ContactID, conv.Platform); err == nil && !done {
			if g.Store.RecordDisclosure(ctx, *conv.ContactID, conv.Platform, m.ID) == nil {
				_, _ = g.Store.AppendAudit(ctx, store.AuditEvent{Actor: req.Actor, Action: "disclosure.sent", TargetType: "contact",
					TargetID: strconv.FormatInt(*conv.ContactID, 10), Reason: conv.Platform,
					AfterJSON: fmt.Sprintf(`{"messageId":%d}`, m.ID)})
			}
		}
	}
}

// window is the start (Unix ms) of the fixed window of length d holding t.
func window(t time.Time, d time.Duration) int64 {
	return t.Truncate(d).UnixMilli()
}

// contactKey is the per-contact counter (per conversation when the contact is unknown).
func contactKey(conv store.Conversation) string {
	if conv.ContactID != nil {
		return fmt.Sprintf("contact:%d", *conv.ContactID)
	}
	return fmt.Sprintf("contact-conv:%d", conv.ID)
}

// accountKey is the per-account counter.
func accountKey(id int64) string { return fmt.Sprintf("account:%d", id) }

// convKey is the per-conversation loop counter.
func convKey(id int64) string { return fmt.Sprintf("conv:%d", id) }
