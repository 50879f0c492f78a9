package calendar

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
	"creatordesk/backend/templates"
)

// consent records (or withdraws) the marketing consent of a conversation's contact.
func (k *liveKit) consent(convID int64, granted bool) int64 {
	k.t.Helper()
	conv, err := k.st.ConversationByID(k.ctx, convID)
	if err != nil || conv.ContactID == nil {
		k.t.Fatalf("conversation %d has no contact: %v", convID, err)
	}
	if _, err := k.st.RecordConsent(k.ctx, store.ConsentRecord{ContactID: *conv.ContactID, Purpose: PurposeMarketing, Granted: granted,
		At: k.clock.Now().UnixMilli(), Channel: "dm", Actor: "Mara"}); err != nil {
		k.t.Fatal(err)
	}
	return *conv.ContactID
}

func (k *liveKit) cartSequence() store.MessageSequence {
	k.t.Helper()
	q, err := k.msgr.SaveSequence(k.ctx, "Mara", 0, "Cart nudge", store.SeqCartRecovery, []Step{
		{DelayHours: 2, Text: "Hi {first_name|there}, your cart at {brand|our shop} is waiting."},
		{DelayHours: 24, Text: "Last call: {discount_code} takes 10% off until midnight."},
	})
	if err != nil {
		k.t.Fatal(err)
	}
	return q
}

func (k *liveKit) queue(convID int64) []store.ScheduledMessage {
	k.t.Helper()
	ms, err := k.st.ScheduledMessagesFor(k.ctx, 0, convID)
	if err != nil {
		k.t.Fatal(err)
	}
	return ms
}

func refusalReason(err error) string {
	var r *EnrollRefusedError
	if errors.As(err, &r) {
		return r.Reason
	}
	return ""
}

func TestEnrolFillsTokensAndQueuesAtCumulativeDelays(t *testing.T) {
	k := newLiveKit(t, "is the sage set back?")
	q := k.cartSequence()
	k.consent(k.convs[0], true)

	plan, err := k.msgr.Plan(k.ctx, "Mara", q.ID, k.convs[0], nil)
	if err != nil || !plan.Consent.Allowed() || len(plan.Steps) != 2 || strings.Join(plan.Missing, ",") != "discount_code" {
		t.Fatalf("plan %+v %v", plan, err)
	}
	if !strings.HasPrefix(plan.Steps[0].Text, "Hi Fan0, your cart at our shop") {
		t.Fatalf("step 1 rendered as %q", plan.Steps[0].Text)
	}
	if _, err := k.msgr.Enroll(k.ctx, "Mara", q.ID, k.convs[0]); refusalReason(err) != "missingTokens" {
		t.Fatalf("enrolled with a token unfilled: %v", err)
	}
	if len(k.queue(k.convs[0])) != 0 {
		t.Fatal("a refused enrolment queued messages")
	}
	n, err := k.msgr.EnrollWith(k.ctx, "Mara", q.ID, k.convs[0], map[string]string{"discount_code": "LINEN10"})
	if err != nil || n != 2 {
		t.Fatalf("enrolled %d %v", n, err)
	}
	if n, err := k.msgr.EnrollWith(k.ctx, "Mara", q.ID, k.convs[0], map[string]string{"discount_code": "LINEN10"}); err != nil || n != 0 {
		t.Fatalf("a second click queued %d more (%v)", n, err)
	}
	ms := k.queue(k.convs[0])
	if len(ms) != 2 || ms[0].DueAt != t0.Add(2*time.Hour).UnixMilli() || ms[1].DueAt != t0.Add(26*time.Hour).UnixMilli() {
		t.Fatalf("due times %+v", ms)
	}
	if ms[1].Text != "Last call: LINEN10 takes 10% off until midnight." || ms[0].ContactID == nil {
		t.Fatalf("queued %+v", ms[1])
	}
	audit, _ := k.st.AuditEvents(k.ctx, "conversation", strconv.FormatInt(k.convs[0], 10), 5)
	if len(audit) == 0 || audit[0].Action != "calendar.sequence_enrolled" || audit[0].Reason != "Cart nudge" {
		t.Fatalf("audit %+v", audit)
	}

	// Both steps go out when due, through the gate, and the text sent is the filled one.
	k.clock.Advance(2 * time.Hour)
	if err := k.msgr.Tick(k.ctx); err != nil {
		t.Fatal(err)
	}
	k.clock.Advance(24 * time.Hour)
	if err := k.msgr.Tick(k.ctx); err != nil {
		t.Fatal(err)
	}
	sent := k.tg.Sent()
	if len(sent) != 2 || !strings.Contains(sent[1].Text, "LINEN10") || strings.Contains(sent[0].Text, "{") {
		t.Fatalf("sent %+v", sent)
	}
	stats, err := k.st.SequenceStats(k.ctx)
	if st := stats[q.ID]; err != nil || st.Enrolled != 1 || st.Sent != 2 || st.Queued != 0 || st.Active != 0 {
		t.Fatalf("stats %+v %v", stats, err)
	}
	// Once the enrolment is over, enrolling again starts a new one.
	if n, err := k.msgr.EnrollWith(k.ctx, "Mara", q.ID, k.convs[0], map[string]string{"discount_code": "AGAIN"}); err != nil || n != 2 {
		t.Fatalf("re-enrolment queued %d %v", n, err)
	}
}

func TestEnrolRefusesWithoutConsentOrAfterOptOut(t *testing.T) {
	k := newLiveKit(t, "hello", "hi there")
	q := k.cartSequence()
	vals := map[string]string{"discount_code": "X1"}

	if _, err := k.msgr.EnrollWith(k.ctx, "Mara", q.ID, k.convs[0], vals); refusalReason(err) != "noConsent" {
		t.Fatalf("no consent: %v", err)
	}
	code, key, _ := (&EnrollRefusedError{Reason: "noConsent"}).ErrorKey()
	if code != "calendar_enroll_refused" || key != "errors.calendar.enroll.noConsent" {
		t.Fatalf("key %s %s", code, key)
	}
	audit, _ := k.st.AuditEvents(k.ctx, "conversation", strconv.FormatInt(k.convs[0], 10), 5)
	if len(audit) == 0 || audit[0].Action != "calendar.sequence_enroll_refused" {
		t.Fatalf("refusal not audited: %+v", audit)
	}

	contact := k.consent(k.convs[1], true)
	if _, err := k.st.RecordOptOut(k.ctx, store.OptOutEntry{ContactID: &contact, Scope: store.ScopeMarketing, OptedOut: true,
		Channel: "telegram", Keyword: "STOP"}); err != nil {
		t.Fatal(err)
	}
	_, err := k.msgr.EnrollWith(k.ctx, "Mara", q.ID, k.convs[1], vals)
	var refused *EnrollRefusedError
	if !errors.As(err, &refused) || refused.Reason != "optedOut" || refused.Args["channel"] != "telegram" {
		t.Fatalf("opted out: %v", err)
	}
	// A consent withdrawn later wins over the earlier one.
	k.consent(k.convs[0], true)
	k.clock.Advance(time.Minute)
	k.consent(k.convs[0], false)
	if _, err := k.msgr.EnrollWith(k.ctx, "Mara", q.ID, k.convs[0], vals); refusalReason(err) != "noConsent" {
		t.Fatalf("withdrawn consent: %v", err)
	}
	if len(k.queue(k.convs[0]))+len(k.queue(k.convs[1])) != 0 || len(k.tg.Sent()) != 0 {
		t.Fatal("something was queued or sent")
	}

	// A public comment thread is never enrolled, even for a contact who consented.
	comment := platforms.Message{ExternalID: "post-9:c1", ThreadExternalID: "post-9", ThreadKind: platforms.ThreadComment,
		Author: platforms.Person{ExternalID: "777", DisplayName: "Commenter"}, Direction: platforms.DirectionIn, Text: "price?", SentAt: t0}
	if _, err := k.st.IngestPage(k.ctx, k.tgAcc.ID, []platforms.Message{comment}, "c9"); err != nil {
		t.Fatal(err)
	}
	convs, _, _ := k.st.Conversations(k.ctx, store.ConversationFilter{Kind: "comment"}, store.ConversationCursor{}, 10)
	if len(convs) != 1 {
		t.Fatalf("comment threads: %+v", convs)
	}
	k.consent(convs[0].ID, true)
	if _, err := k.msgr.EnrollWith(k.ctx, "Mara", q.ID, convs[0].ID, vals); refusalReason(err) != "notDirect" {
		t.Fatalf("comment thread: %v", err)
	}
}

func TestConsentWithdrawnAfterEnrolmentIsRefusedByTheGate(t *testing.T) {
	k := newLiveKit(t, "cart question")
	q := k.cartSequence()
	k.consent(k.convs[0], true)
	if _, err := k.msgr.EnrollWith(k.ctx, "Mara", q.ID, k.convs[0], map[string]string{"discount_code": "X1"}); err != nil {
		t.Fatal(err)
	}
	k.policy.refuse[k.convs[0]] = true // the gate's consent rule now says no
	k.clock.Advance(2 * time.Hour)
	_ = k.msgr.Tick(k.ctx)
	ms := k.queue(k.convs[0])
	if ms[0].State != store.MsgRefused || ms[0].Refusal != "errors.automation.noConsent" || len(k.tg.Sent()) != 0 {
		t.Fatalf("step 1 %+v", ms[0])
	}
}

func TestEditingASequenceWithQueuedSteps(t *testing.T) {
	k := newLiveKit(t, "a", "b")
	q := k.cartSequence()
	vals := map[string]string{"discount_code": "X1"}
	for _, c := range k.convs {
		k.consent(c, true)
		if _, err := k.msgr.EnrollWith(k.ctx, "Mara", q.ID, c, vals); err != nil {
			t.Fatal(err)
		}
	}
	newSteps := []Step{{DelayHours: 1, Text: "New wording for {first_name}"}}

	// Keeping the queue: what was queued keeps its text and time; new enrolments use the edit.
	if _, n, err := k.msgr.EditSequence(k.ctx, "Mara", q.ID, "Cart nudge v2", store.SeqCartRecovery, newSteps, false); err != nil || n != 0 {
		t.Fatalf("edit %d %v", n, err)
	}
	ms := k.queue(k.convs[0])
	if len(ms) != 2 || ms[0].State != store.MsgPending || !strings.Contains(ms[0].Text, "your cart") {
		t.Fatalf("queue after keeping: %+v", ms)
	}
	plan, _ := k.msgr.Plan(k.ctx, "Mara", q.ID, k.convs[0], nil)
	if len(plan.Steps) != 1 || plan.Steps[0].Text != "New wording for Fan0" || plan.Queued != 2 {
		t.Fatalf("plan after edit %+v", plan)
	}

	// Cancelling the queue: every waiting step of every enrolment is cancelled, once, and audited.
	_, n, err := k.msgr.EditSequence(k.ctx, "Mara", q.ID, "Cart nudge v3", store.SeqCartRecovery, newSteps, true)
	if err != nil || n != 4 {
		t.Fatalf("cancelled %d %v", n, err)
	}
	for _, c := range k.convs {
		for _, m := range k.queue(c) {
			if m.State != store.MsgCancelled || m.Refusal != ReasonSequenceEdited {
				t.Fatalf("after cancelling: %+v", m)
			}
		}
	}
	audit, _ := k.st.AuditEvents(k.ctx, "sequence", strconv.FormatInt(q.ID, 10), 5)
	var found bool
	for _, a := range audit {
		var after map[string]any
		_ = json.Unmarshal([]byte(a.AfterJSON), &after)
		found = found || (a.Action == "calendar.sequence_queue_cancelled" && a.Reason == ReasonSequenceEdited && after["cancelled"] == float64(4))
	}
	if !found {
		t.Fatalf("audit %+v", audit)
	}
	k.clock.Advance(48 * time.Hour)
	_ = k.msgr.Tick(k.ctx)
	if len(k.tg.Sent()) != 0 {
		t.Fatal("a cancelled step was sent")
	}
	// A step with a broken token is refused when saving.
	_, err = k.msgr.SaveSequence(k.ctx, "Mara", q.ID, "Broken", store.SeqFollowup, []Step{{Text: "Hi {first_nam}"}})
	var pe *templates.ParseError
	if !errors.As(err, &pe) || pe.Token != "first_nam" {
		t.Fatalf("broken token: %v", err)
	}
}

func TestCancelOneStepAndAWholeEnrolment(t *testing.T) {
	k := newLiveKit(t, "a", "b")
	q := k.cartSequence()
	vals := map[string]string{"discount_code": "X1"}
	for _, c := range k.convs {
		k.consent(c, true)
		if _, err := k.msgr.EnrollWith(k.ctx, "Mara", q.ID, c, vals); err != nil {
			t.Fatal(err)
		}
	}
	first := k.queue(k.convs[0])
	if err := k.msgr.CancelStep(k.ctx, "Dana", first[1].ID); err != nil {
		t.Fatal(err)
	}
	var np *NotPendingError
	if err := k.msgr.CancelStep(k.ctx, "Dana", first[1].ID); !errors.As(err, &np) || np.State != store.MsgCancelled {
		t.Fatalf("cancel twice: %v", err)
	}
	if n, err := k.msgr.CancelEnrollment(k.ctx, "Dana", q.ID, k.convs[1], ""); err != nil || n != 2 {
		t.Fatalf("enrolment cancel %d %v", n, err)
	}
	k.clock.Advance(2 * time.Hour)
	_ = k.msgr.Tick(k.ctx)
	if sent := k.tg.Sent(); len(sent) != 1 || sent[0].ChatID != k.chats[0] {
		t.Fatalf("sent %+v", sent)
	}
	rows, err := k.st.ScheduledOutbox(k.ctx, store.ScheduledFilter{SequenceID: q.ID})
	if err != nil || len(rows) != 4 || rows[0].SequenceName != "Cart nudge" || rows[0].ConversationTitle == "" {
		t.Fatalf("outbox %+v %v", rows, err)
	}
	states := map[string]int{}
	for _, r := range rows {
		states[r.State+"/"+r.Refusal]++
	}
	if states["sent/"] != 1 || states["cancelled/cancelled"] != 3 {
		t.Fatalf("states %v", states)
	}
}

func TestArchiveAndDeleteSaySomethingAboutTheQueue(t *testing.T) {
	k := newLiveKit(t, "a")
	q := k.cartSequence()
	k.consent(k.convs[0], true)
	vals := map[string]string{"discount_code": "X1"}
	if _, err := k.msgr.EnrollWith(k.ctx, "Mara", q.ID, k.convs[0], vals); err != nil {
		t.Fatal(err)
	}
	// Archived keeping the queue: nothing cancelled, no new enrolments.
	if n, err := k.msgr.SetArchived(k.ctx, "Mara", q.ID, true, false); err != nil || n != 0 {
		t.Fatalf("archive %d %v", n, err)
	}
	if _, err := k.msgr.CancelEnrollment(k.ctx, "Mara", q.ID, 0, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := k.msgr.EnrollWith(k.ctx, "Mara", q.ID, k.convs[0], vals); refusalReason(err) != "archived" {
		t.Fatalf("enrol in archived: %v", err)
	}
	if _, err := k.msgr.SetArchived(k.ctx, "Mara", q.ID, false, false); err != nil {
		t.Fatal(err)
	}
	if n, err := k.msgr.EnrollWith(k.ctx, "Mara", q.ID, k.convs[0], vals); err != nil || n != 2 {
		t.Fatalf("enrol after restoring %d %v", n, err)
	}
	if n, err := k.msgr.SetArchived(k.ctx, "Mara", q.ID, true, true); err != nil || n != 2 {
		t.Fatalf("archive cancelling %d %v", n, err)
	}
	if _, err := k.msgr.EnrollWith(k.ctx, "Mara", q.ID, k.convs[0], vals); refusalReason(err) != "archived" {
		t.Fatal("archived sequence took an enrolment")
	}
	if _, err := k.msgr.SetArchived(k.ctx, "Mara", q.ID, false, false); err != nil {
		t.Fatal(err)
	}
	if n, _ := k.msgr.EnrollWith(k.ctx, "Mara", q.ID, k.convs[0], vals); n != 2 {
		t.Fatal("no enrolment to delete")
	}
	n, err := k.msgr.DeleteSequence(k.ctx, "Mara", q.ID)
	if err != nil || n != 2 {
		t.Fatalf("delete %d %v", n, err)
	}
	if _, err := k.st.MessageSequenceByID(k.ctx, q.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("still there: %v", err)
	}
	if len(k.queue(k.convs[0])) != 0 {
		t.Fatal("the schedule of a deleted sequence is still there")
	}
	audit, _ := k.st.AuditEvents(k.ctx, "sequence", strconv.FormatInt(q.ID, 10), 1)
	if len(audit) != 1 || audit[0].Action != "calendar.sequence_deleted" || !strings.Contains(audit[0].BeforeJSON, `"cancelled":2`) {
		t.Fatalf("audit %+v", audit)
	}
	if _, err := k.msgr.DeleteSequence(k.ctx, "Mara", q.ID); err == nil {
		t.Fatal("deleted twice")
	}
}
