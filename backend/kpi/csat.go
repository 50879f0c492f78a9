package kpi

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
)

// CSATActor is the audit actor of rating requests and of the ratings read from replies.
const CSATActor = "automation:csat"

// CSATAnswerWindow is how long a rating request waits for a usable answer.
const CSATAnswerWindow = 7 * 24 * time.Hour

// csatRepeatGap keeps a conversation resolved twice in a day from being asked twice.
const csatRepeatGap = 24 * time.Hour

// CSAT sends a rating request after each resolution of a direct conversation
// (when switched on in the KPI settings) and reads the 1–5 answer from the
// contact's next messages. Every request goes through the send gate with the
// automation origin, so opt-outs and the gate's other rules apply; a contact
// who opted out of automated messages is not asked at all.
type CSAT struct {
	Store *store.Store
	// Send is the send gate (inbox.Service.Send).
	Send func(ctx context.Context, req inbox.SendRequest) (store.Message, error)
	// Render fills the rating request's saved reply for a conversation.
	Render func(ctx context.Context, templateID, conversationID int64) (string, error)
}

// Tick asks for ratings after the resolutions since the last tick, then reads
// answers to open requests and expires the ones past CSATAnswerWindow.
func (c *CSAT) Tick(ctx context.Context) error {
	set, err := LoadSettings(ctx, c.Store)
	if err != nil {
		return err
	}
	if set.CSATEnabled {
		if err := c.request(ctx, set.CSATTemplateID); err != nil {
			return err
		}
	}
	return c.collect(ctx)
}

// request sends the rating requests due since the stored watermark and moves it.
func (c *CSAT) request(ctx context.Context, templateID int64) error {
	raw, err := c.Store.Setting(ctx, keyCSATSince, "0")
	if err != nil {
		return err
	}
	since, _ := strconv.ParseInt(raw, 10, 64)
	res, err := c.Store.KpiResolutions(ctx, since)
	if err != nil {
		return err
	}
	for _, e := range res {
		if err := c.ask(ctx, templateID, e.ConversationID, e.At); err != nil {
			return err
		}
		if err := c.Store.SetSetting(ctx, keyCSATSince, strconv.FormatInt(e.At+1, 10)); err != nil {
			return err
		}
	}
	return nil
}

// ask sends one rating request (or records why it was skipped).
func (c *CSAT) ask(ctx context.Context, templateID, convID, resolvedAt int64) error {
	conv, err := c.Store.ConversationByID(ctx, convID)
	if err != nil {
		return nil // deleted since: nothing to ask
	}
	if conv.Status != store.StatusResolved || conv.Kind != "dm" {
		return nil // reopened, or a public thread: no rating request
	}
	now := c.Store.Now()
	if last, ok, err := c.Store.LatestCsatRequest(ctx, convID); err != nil {
		return err
	} else if ok && now.Sub(time.UnixMilli(last.RequestedAt)) < csatRepeatGap {
		return nil
	}
	req := store.CsatRequest{ConversationID: convID, ResolvedAt: resolvedAt, RequestedAt: now.UnixMilli(), Status: store.CsatSkipped}
	reason := ""
	switch out, err := c.optedOut(ctx, conv); {
	case err != nil:
		return err
	case out:
		reason = "opted out of automated messages"
	default:
		text, err := c.Render(ctx, templateID, convID)
		if err != nil {
			reason = "the saved reply could not be filled: " + err.Error()
			break
		}
		m, err := c.Send(ctx, inbox.SendRequest{ConversationID: convID, Text: text, Actor: CSATActor,
			Origin: inbox.OriginAutomation, TemplateID: templateID})
		if err != nil {
			reason = "the send gate refused it: " + err.Error()
			break
		}
		id := m.ID
		req.MessageID, req.Status = &id, store.CsatSent
		if m.State == store.StateFailed {
			req.Status, reason = store.CsatFailed, "the platform did not take it"
		}
	}
	added, err := c.Store.AddCsatRequest(ctx, &req)
	if err != nil || !added {
		return err
	}
	after, _ := json.Marshal(map[string]any{"status": req.Status, "messageId": req.MessageID})
	_, err = c.Store.AppendAudit(ctx, store.AuditEvent{Actor: CSATActor, Action: "kpi.csat.requested", TargetType: "conversation",
		TargetID: strconv.FormatInt(convID, 10), Reason: reason, AfterJSON: string(after)})
	return err
}

// optedOut reports whether the conversation's contact stopped automated messages.
func (c *CSAT) optedOut(ctx context.Context, conv store.Conversation) (bool, error) {
	if conv.ContactID == nil {
		return false, nil
	}
	out, _, err := c.Store.OptedOut(ctx, *conv.ContactID, store.ScopeAutomated)
	return out, err
}

// collect reads ratings from the replies to open requests and expires old ones.
// A conversation the rating reply alone reopened goes back to resolved.
func (c *CSAT) collect(ctx context.Context) error {
	pending, err := c.Store.PendingCsatRequests(ctx)
	if err != nil {
		return err
	}
	now := c.Store.Now()
	for _, r := range pending {
		msgs, err := c.Store.InboundAfter(ctx, r.ConversationID, r.RequestedAt, 20)
		if err != nil {
			return err
		}
		deadline := r.RequestedAt + CSATAnswerWindow.Milliseconds()
		onlyRating := false
		for i, m := range msgs {
			if m.SentAt > deadline {
				break
			}
			if n := ParseRating(m.Text); n > 0 {
				id := m.ID
				r.Status, r.Rating, r.RatingMessageID, r.RatedAt = store.CsatRated, n, &id, m.SentAt
				onlyRating = i == len(msgs)-1 && len(strings.Fields(m.Text)) <= 4
				break
			}
		}
		if r.Status == store.CsatSent && now.UnixMilli() > deadline {
			r.Status = store.CsatExpired
		}
		if r.Status == store.CsatSent {
			continue
		}
		if err := c.Store.UpdateCsatRequest(ctx, r); err != nil {
			return err
		}
		if onlyRating {
			if err := c.resolveAgain(ctx, r.ConversationID); err != nil {
				return err
			}
		}
		after, _ := json.Marshal(map[string]any{"status": r.Status, "rating": r.Rating})
		if _, err := c.Store.AppendAudit(ctx, store.AuditEvent{Actor: CSATActor, Action: "kpi.csat." + r.Status, TargetType: "conversation",
			TargetID: strconv.FormatInt(r.ConversationID, 10), AfterJSON: string(after)}); err != nil {
			return err
		}
	}
	return nil
}

// resolveAgain puts back to resolved a conversation that the rating reply alone
// reopened (a reply that is nothing but the rating, with nothing after it), so a
// "5" does not land in the team's open queue. It is audited as kpi.csat.reresolved.
func (c *CSAT) resolveAgain(ctx context.Context, convID int64) error {
	conv, err := c.Store.ConversationByID(ctx, convID)
	if err != nil || conv.Status != store.StatusOpen {
		return nil
	}
	if err := c.Store.SetConversationStatus(ctx, convID, store.StatusResolved); err != nil {
		return err
	}
	_, err = c.Store.AppendAudit(ctx, store.AuditEvent{Actor: CSATActor, Action: "kpi.csat.reresolved", TargetType: "conversation",
		TargetID: strconv.FormatInt(convID, 10), Reason: "the contact's only new message was the rating",
		BeforeJSON: `{"status":"open"}`, AfterJSON: `{"status":"resolved"}`})
	return err
}
