package governance_test

import (
	"context"
	"testing"

	"creatordesk/backend/governance"
	"creatordesk/backend/governance/govtest"
	"creatordesk/backend/store"
)

// contactOf returns a conversation's contact id.
func contactOf(t *testing.T, e *govtest.Env, conv int64) int64 {
	t.Helper()
	c, err := e.Store.ConversationByID(context.Background(), conv)
	if err != nil || c.ContactID == nil {
		t.Fatalf("conversation %d has no contact: %v", conv, err)
	}
	return *c.ContactID
}

// Merging two contacts keeps both opt-out states (the stricter wins), a
// START sent after the merge opts the merged contact back in, and undoing
// the merge gives each contact its own state back.
func TestOptOutFollowsContactMergeAndUndo(t *testing.T) {
	e, ledger := gated(t)
	ctx := context.Background()
	anaConv, _ := e.Receive(govtest.Person{ID: 42, Name: "Ana"}, "hello")
	bobConv, ids := e.Receive(govtest.Person{ID: 43, Name: "Ana (second account)"}, "STOP")
	if _, err := ledger.HandleInbound(ctx, ids); err != nil {
		t.Fatal(err)
	}
	ana, second := contactOf(t, e, anaConv), contactOf(t, e, bobConv)
	// Ana stopped and restarted later than the second account's STOP: her newest entry is a START.
	for _, word := range []string{"STOP", "START"} {
		e.Clock.Advance(60e9)
		_, ids := e.Receive(govtest.Person{ID: 42, Name: "Ana"}, word)
		if _, err := ledger.HandleInbound(ctx, ids); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.Inbox.Send(ctx, auto(anaConv, "Hi Ana")); err != nil {
		t.Fatalf("before the merge Ana takes automated replies: %v", err)
	}
	e.Clock.Advance(60e9)
	m, err := e.Store.MergeContacts(ctx, "dana", ana, second)
	if err != nil {
		t.Fatal(err)
	}
	// The survivor keeps the merged contact's STOP, on every conversation.
	for _, conv := range []int64{anaConv, bobConv} {
		if _, err := e.Inbox.Send(ctx, auto(conv, "Offer")); reason(err) != governance.RefusedOptedOut {
			t.Fatalf("after the merge, conversation %d: %v", conv, err)
		}
	}
	if err := e.Store.UndoMerge(ctx, "dana", m.ID); err != nil {
		t.Fatal(err)
	}
	if out, _, _ := e.Store.OptedOut(ctx, ana, store.ScopeAutomated); out {
		t.Fatal("after undo Ana is still opted out")
	}
	if out, _, _ := e.Store.OptedOut(ctx, second, store.ScopeAutomated); !out {
		t.Fatal("after undo the second contact lost its STOP")
	}
	// Merged again, a START the person sends afterwards decides.
	if _, err := e.Store.MergeContacts(ctx, "dana", ana, second); err != nil {
		t.Fatal(err)
	}
	e.Clock.Advance(60e9)
	_, ids = e.Receive(govtest.Person{ID: 42, Name: "Ana"}, "START")
	if _, err := ledger.HandleInbound(ctx, ids); err != nil {
		t.Fatal(err)
	}
	if out, _, _ := e.Store.OptedOut(ctx, ana, store.ScopeAutomated); out {
		t.Fatal("a START after the merge did not opt the merged contact back in")
	}
}

// Consent merges the same way: a withdrawal on either contact wins over a
// grant made before the merge; a grant with no withdrawal carries over.
func TestConsentFollowsContactMergeAndUndo(t *testing.T) {
	e, ledger := gated(t)
	ctx := context.Background()
	c1, _ := e.Receive(govtest.Person{ID: 50, Name: "Ion"}, "hi")
	c2, _ := e.Receive(govtest.Person{ID: 51, Name: "Ion B"}, "hi")
	c3, _ := e.Receive(govtest.Person{ID: 52, Name: "Ion C"}, "hi")
	ion, ionB, ionC := contactOf(t, e, c1), contactOf(t, e, c2), contactOf(t, e, c3)
	grant := func(id int64, on bool) {
		if _, err := ledger.RecordConsent(ctx, "dana", store.ConsentRecord{ContactID: id, Purpose: governance.PurposeMarketing, Granted: on, Channel: "telegram"}); err != nil {
			t.Fatal(err)
		}
	}
	grant(ion, true)
	grant(ionB, true)
	e.Clock.Advance(1e9)
	grant(ionB, false)
	e.Clock.Advance(1e9)
	grant(ion, true) // Ion's own newest record is newer than the withdrawal, but older than the merge
	e.Clock.Advance(1e9)
	m, err := e.Store.MergeContacts(ctx, "dana", ion, ionB)
	if err != nil {
		t.Fatal(err)
	}
	if ok, _ := e.Store.HasConsent(ctx, ion, governance.PurposeMarketing); ok {
		t.Fatal("a withdrawn consent was lost in the merge")
	}
	if err := e.Store.UndoMerge(ctx, "dana", m.ID); err != nil {
		t.Fatal(err)
	}
	if ok, _ := e.Store.HasConsent(ctx, ion, governance.PurposeMarketing); !ok {
		t.Fatal("undo did not restore Ion's consent")
	}
	// Ion C never answered; merged into Ion C, Ion's grant carries over.
	if _, err := e.Store.MergeContacts(ctx, "dana", ionC, ion); err != nil {
		t.Fatal(err)
	}
	if ok, _ := e.Store.HasConsent(ctx, ionC, governance.PurposeMarketing); !ok {
		t.Fatal("a granted consent did not follow the merge")
	}
}
