package engine

import (
	"context"
	"errors"
	"fmt"
	"time"

	"creatordesk/backend/inbox"
	"creatordesk/backend/notify"
	"creatordesk/backend/sla"
	"creatordesk/backend/store"
)

// maxNotificationsPerBatch bounds the notifications one sync page can raise.
const maxNotificationsPerBatch = 3

// handleInbound sends away acknowledgements and notifications for newly stored messages.
func (s *Service) handleInbound(ctx context.Context, messageIDs []int64) error {
	// Only messages within the away reply's and the notifications' age limits
	// can get either (awayEligible, notify.Decide): older ones are not read.
	now, age := s.now(), max(AwayMaxAge, notify.MaxAge)
	msgs, err := s.Store.SLAInboundMessages(ctx, messageIDs, now.Add(-age).UnixMilli(), now.Add(age).UnixMilli())
	if err != nil || len(msgs) == 0 {
		return err
	}
	// The newest customer message of each conversation speaks for it.
	latest := map[int64]store.SLAInbound{}
	var order []int64
	for _, m := range msgs {
		if _, seen := latest[m.ConversationID]; !seen {
			order = append(order, m.ConversationID)
		}
		latest[m.ConversationID] = m
	}
	c := s.snapshot()
	workspaceLang, _ := s.Store.Setting(ctx, "language", "")
	var errs []error
	notified := 0
	for _, id := range order {
		m := latest[id]
		if c.away.Enabled {
			errs = append(errs, s.maybeAway(ctx, c, m, workspaceLang))
		}
		if notified < maxNotificationsPerBatch && s.maybeNotify(ctx, c, m, workspaceLang) {
			notified++
		}
	}
	return errors.Join(errs...)
}

// awayEligible says whether m gets an away acknowledgement now, and for which
// closed period (the next opening).
func awayEligible(c config, m store.SLAInbound, now time.Time) (period time.Time, ok bool) {
	sent := time.UnixMilli(m.SentAt)
	switch {
	case m.Kind != sla.KindDM:
		return time.Time{}, false // never for comments
	case m.AccountStatus == store.AccountImported || m.AccountStatus == store.AccountDisconnected || m.AccountStatus == store.AccountNeedsReconnect:
		return time.Time{}, false
	case m.Status == store.StatusResolved || m.Status == store.StatusSnoozed:
		return time.Time{}, false
	case now.Sub(sent) > AwayMaxAge || sent.After(now.Add(AwayMaxAge)):
		return time.Time{}, false // history, not someone waiting now
	case c.cal.IsOpen(sent) || c.cal.IsOpen(now):
		return time.Time{}, false
	}
	next := c.cal.NextOpen(now)
	return next, !next.IsZero()
}

// maybeAway sends the away acknowledgement to m's conversation if it is due one:
// outside business hours, a DM, at most once per closed period, never when our
// last message there is already one, and never once someone has replied.
func (s *Service) maybeAway(ctx context.Context, c config, m store.SLAInbound, workspaceLang string) error {
	now := s.now()
	next, ok := awayEligible(c, m, now)
	if !ok {
		return nil
	}
	facts, err := s.Store.SLAFacts(ctx, []int64{m.ConversationID}, now.Add(-sla.MaxWait).UnixMilli())
	if err != nil || len(facts) == 0 || facts[0].WaitingSince == 0 {
		return err // answered meanwhile
	}
	if last, err := s.Store.LastOutboundIsAway(ctx, m.ConversationID); err != nil || last {
		return err
	}
	claim, err := s.Store.ClaimAwayReply(ctx, m.ConversationID, next.UnixMilli())
	if errors.Is(err, store.ErrDuplicate) {
		return nil // already acknowledged in this closed period
	}
	if err != nil {
		return err
	}
	s.setInflight(m.ConversationID, true)
	defer func() {
		s.setInflight(m.ConversationID, false)
		s.recomputeLogged(ctx, []int64{m.ConversationID})
	}()
	lang := sla.PickLanguage(m.ContactLanguage, m.Language, workspaceLang)
	text := c.away.Text(lang, next.In(c.cal.Location()))
	sent, err := s.Inbox.Send(ctx, inbox.SendRequest{ConversationID: m.ConversationID, Text: text, Actor: Actor, Origin: inbox.OriginAway})
	state := store.AwaySent
	switch {
	case err != nil:
		state = store.AwayRefused
		s.log().Info("sla: away acknowledgement refused by the send gate", "conversation", m.ConversationID, "err", err)
	case sent.State == store.StateFailed:
		state = store.AwayFailed
	}
	return errors.Join(s.Store.FinishAwayReply(context.WithoutCancel(ctx), claim, sent.ID, state))
}

// setInflight marks a conversation whose away acknowledgement is being sent.
func (s *Service) setInflight(id int64, on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.inflight == nil {
		s.inflight = map[int64]bool{}
	}
	if on {
		s.inflight[id] = true
	} else {
		delete(s.inflight, id)
	}
}

// maybeNotify raises a desktop notification for m when the decision says so.
func (s *Service) maybeNotify(ctx context.Context, c config, m store.SLAInbound, workspaceLang string) bool {
	subject := sla.Subject{Kind: m.Kind, Priority: m.Priority, Intent: m.Intent, Tags: m.Tags}
	reason, ok := s.quiet.Consider(c.notify, notify.Candidate{Inbound: true, SentAt: time.UnixMilli(m.SentAt),
		Danger: subject.Danger(), HighIntent: subject.HighIntentSignal(), Priority: m.Priority}, m.ConversationID, s.now(), c.cal.Location())
	if !ok {
		return false
	}
	lang := sla.PickLanguage(workspaceLang)
	n := notify.Notification{Title: notificationTitle(lang, reason, who(m)), Body: m.Text, Urgent: reason == notify.ReasonDanger}
	if err := s.Notifier().Notify(ctx, n); err != nil {
		s.log().Info("sla: notification not shown", "err", err)
		return false
	}
	return true
}

// summarizeQuietHours shows one notification for the urgent messages quiet
// hours held, once they are over.
func (s *Service) summarizeQuietHours(ctx context.Context) {
	c := s.snapshot()
	if c.cal == nil || s.quiet.Held().Count() == 0 {
		return // nothing held: no need to read the language on every tick
	}
	lang, _ := s.Store.Setting(ctx, "language", "")
	n, ok := s.quiet.TakeSummary(c.notify, s.now(), c.cal.Location(), sla.PickLanguage(lang))
	if !ok {
		return
	}
	if err := s.Notifier().Notify(ctx, n); err != nil {
		s.log().Info("sla: quiet-hours summary not shown", "err", err)
	}
}

// who names the sender for a notification.
func who(m store.SLAInbound) string {
	switch {
	case m.AuthorName != "":
		return m.AuthorName
	case m.Title != "":
		return m.Title
	}
	return fmt.Sprintf("#%d", m.ConversationID)
}

// TestNotification shows a sample notification now (whatever the quiet hours),
// so the user can see how one looks; it reports an unsupported system honestly.
func (s *Service) TestNotification(ctx context.Context, lang string) error {
	lang = sla.PickLanguage(lang)
	if err := s.Notifier().Notify(ctx, notify.Notification{Title: testTitle[lang], Body: testBody[lang]}); err != nil {
		return &notify.Unavailable{Err: err}
	}
	return nil
}
