package app

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
	"creatordesk/backend/workspace"
)

// seqSession is a workspace on a fixed clock with one Telegram account and
// two DM conversations (Ioana and Radu), each with its contact.
func seqSession(t *testing.T) (*Session, []int64, time.Time) {
	t.Helper()
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	cfg := workspace.Config{Dir: filepath.Join(t.TempDir(), "ws"), Vault: secrets.NewMemory(), Now: func() time.Time { return now }}
	ws, err := workspace.Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := NewSession(ws, false, cfg)
	s.SetRuntime(&recorder{})
	t.Cleanup(func() { _ = s.Close() })
	ctx := context.Background()
	st := ws.Store
	acc := store.Account{Platform: "telegram", Name: "shop", ExternalID: "tg-1", Status: store.AccountConnected}
	if err := st.CreateAccount(ctx, &acc); err != nil {
		t.Fatal(err)
	}
	var msgs []platforms.Message
	for i, name := range []string{"Ioana", "Radu"} {
		id := []string{"701", "702"}[i]
		msgs = append(msgs, platforms.Message{ExternalID: id + ":1", ThreadExternalID: id, ThreadKind: platforms.ThreadDM,
			Author: platforms.Person{ExternalID: id, DisplayName: name}, Direction: platforms.DirectionIn, Text: "my cart", SentAt: now.Add(-time.Hour)})
	}
	if _, err := st.IngestPage(ctx, acc.ID, msgs, "c1"); err != nil {
		t.Fatal(err)
	}
	convs, _, err := st.Conversations(ctx, store.ConversationFilter{}, store.ConversationCursor{}, 10)
	if err != nil || len(convs) != 2 {
		t.Fatalf("conversations %v %v", convs, err)
	}
	ids := []int64{}
	for _, want := range []string{"701", "702"} {
		for _, c := range convs {
			if c.ExternalID == want {
				ids = append(ids, c.ID)
			}
		}
	}
	return s, ids, now
}

func TestSequenceFacadeEditorEnrolOutboxAndCancel(t *testing.T) {
	s, convs, now := seqSession(t)
	cal := NewCalendar(s)
	if _, err := cal.SaveSequence(SequenceInput{Name: " ", Kind: "followup", Steps: []SequenceStepDTO{{Text: "x"}}}); ToAppError(err).Key != "errors.calendar.invalid" {
		t.Fatalf("blank name: %v", err)
	}
	if _, err := cal.SaveSequence(SequenceInput{Name: "Bad", Kind: "followup", Steps: []SequenceStepDTO{{Text: "Hi {frist_name}"}}}); ToAppError(err).Key != "errors.templates.unknownToken" {
		t.Fatalf("unknown token: %v", err)
	}
	saved, err := cal.SaveSequence(SequenceInput{Name: "After the live", Kind: "followup", Steps: []SequenceStepDTO{
		{DelayHours: 1, Text: "Thanks for watching, {first_name}!"}, {DelayHours: 48, Text: "Code {discount_code} ends tonight."}}})
	if err != nil || saved.Sequence.ID == 0 || len(saved.Sequence.Steps) != 2 || saved.Cancelled != 0 {
		t.Fatalf("saved %+v %v", saved, err)
	}
	id := saved.Sequence.ID

	// Without consent: the plan says so and enrolling is refused with a translated reason.
	plan, err := cal.PlanEnrollment(EnrollRequest{SequenceID: id, ConversationID: convs[1]})
	if err != nil || plan.Consent.Allowed || !plan.Consent.HasContact || len(plan.Steps) != 2 || plan.Missing[0] != "discount_code" {
		t.Fatalf("plan %+v %v", plan, err)
	}
	if _, err := cal.Enroll(EnrollRequest{SequenceID: id, ConversationID: convs[1], Values: map[string]string{"discount_code": "LIVE10"}}); ToAppError(err).Key != "errors.calendar.enroll.noConsent" {
		t.Fatalf("no consent: %v", err)
	}

	// With consent: filled texts, due one hour and 49 hours from now.
	c0, _ := s.Workspace().Store.ConversationByID(context.Background(), convs[0])
	if _, err := NewGovernance(s).RecordConsent(ConsentInputDTO{ContactID: *c0.ContactID, Purpose: "marketing", Granted: true}); err != nil {
		t.Fatal(err)
	}
	if st, err := cal.SequenceConsent(convs[0]); err != nil || !st.Allowed {
		t.Fatalf("consent %+v %v", st, err)
	}
	n, err := cal.Enroll(EnrollRequest{SequenceID: id, ConversationID: convs[0], Values: map[string]string{"discount_code": "LIVE10"}})
	if err != nil || n != 2 {
		t.Fatalf("enrolled %d %v", n, err)
	}
	queued, err := cal.ScheduledFor(convs[0])
	if err != nil || len(queued) != 2 || queued[0].Text != "Thanks for watching, Ioana!" || queued[0].DueAt != now.Add(time.Hour).Format(time.RFC3339) ||
		queued[1].DueAt != now.Add(49*time.Hour).Format(time.RFC3339) || queued[0].SequenceName != "After the live" || queued[0].SequenceID != id {
		t.Fatalf("queued %+v %v", queued, err)
	}
	list, err := cal.Sequences()
	if err != nil || len(list) != 1 || list[0].Stats.Enrolled != 1 || list[0].Stats.Queued != 2 {
		t.Fatalf("list %+v %v", list, err)
	}

	// Cancel one step, then the rest of the enrolment.
	if err := cal.CancelScheduledStep(queued[1].ID); err != nil {
		t.Fatal(err)
	}
	if err := cal.CancelScheduledStep(queued[1].ID); ToAppError(err).Key != "errors.calendar.notPending" {
		t.Fatalf("cancel twice: %v", err)
	}
	if n, err := cal.CancelEnrollment(id, convs[0]); err != nil || n != 1 {
		t.Fatalf("cancel enrolment %d %v", n, err)
	}
	out, err := cal.Outbox(OutboxQuery{SequenceID: id, State: "cancelled"})
	if err != nil || len(out) != 2 || out[0].Refusal != "cancelled" || out[0].ConversationTitle == "" {
		t.Fatalf("outbox %+v %v", out, err)
	}
	if q, _ := cal.Outbox(OutboxQuery{State: "queued"}); len(q) != 0 {
		t.Fatalf("still queued %+v", q)
	}
	if _, err := cal.Outbox(OutboxQuery{State: "lost"}); ToAppError(err).Key != "errors.invalidInput" {
		t.Fatalf("bad state: %v", err)
	}

	// Archive: no new enrolments, then delete.
	if _, err := cal.ArchiveSequence(id, true, false); err != nil {
		t.Fatal(err)
	}
	if _, err := cal.Enroll(EnrollRequest{SequenceID: id, ConversationID: convs[0], Values: map[string]string{"discount_code": "X"}}); ToAppError(err).Key != "errors.calendar.enroll.archived" {
		t.Fatalf("archived: %v", err)
	}
	if list, _ := cal.Sequences(); !list[0].Archived {
		t.Fatal("not flagged archived")
	}
	if _, err := cal.DeleteSequence(id); err != nil {
		t.Fatal(err)
	}
	if list, _ := cal.Sequences(); len(list) != 0 {
		t.Fatalf("after delete %+v", list)
	}
}
