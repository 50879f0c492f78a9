package automation_test

import (
	"context"
	"errors"
	"strconv"
	"testing"

	"creatordesk/backend/automation"
	"creatordesk/backend/governance"
	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
)

// A hand-over assigns the owner, tags, raises, notifies and pauses
// automation for the conversation until a person resumes it.
func TestHandOverToAPersonPausesAutomationForTheConversation(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	owner := store.Member{Name: "Dana", Role: store.RoleOwner, Active: true}
	if err := w.Store.SaveMember(ctx, "setup", &owner); err != nil {
		t.Fatal(err)
	}
	esc := w.rule(t, automation.Conditions{Keywords: []string{"human"}}, automation.Action{Type: automation.ActionEscalate, Note: "wants a person"})
	w.rule(t, automation.Conditions{}, automation.Action{Type: automation.ActionReply, TemplateID: 2})

	conv := w.receive(t, ana, "I want a human please")
	c, _ := w.Store.ConversationByID(ctx, conv)
	if c.Assignee != strconv.FormatInt(owner.ID, 10) || c.Priority != 3 || c.Status != store.StatusOpen {
		t.Fatalf("after hand-over: assignee %q priority %d status %q", c.Assignee, c.Priority, c.Status)
	}
	if tags := w.tags(t, conv); len(tags) != 1 || tags[0] != automation.DefaultHandoverTag {
		t.Fatalf("tags %v", tags)
	}
	if len(w.notified) != 1 || w.notified[0].Kind != "escalate" || w.notified[0].Assignee != c.Assignee || w.notified[0].Note != "wants a person" {
		t.Fatalf("notified %+v", w.notified)
	}
	if !governance.ConversationPaused(ctx, w.Store, conv) {
		t.Fatal("automation still runs on a handed-over conversation")
	}
	// The reply rule after the hand-over rule did not answer, now or later.
	w.receive(t, ana, "hello?")
	if sent := w.Fake.Sent(); len(sent) != 0 {
		t.Fatalf("automation answered a handed-over conversation: %+v", sent)
	}
	// The gate refuses any automated send there, with a translatable reason; a person still answers.
	_, err := w.Inbox.Send(ctx, inbox.SendRequest{ConversationID: conv, Text: "auto", Actor: "automation:9", Origin: inbox.OriginAutomation})
	var refused *governance.RefusedError
	if !errors.As(err, &refused) || refused.Reason != governance.RefusedHandedOver {
		t.Fatalf("automated send to a handed-over conversation: %v", err)
	}
	if _, key, _ := refused.ErrorKey(); key != "errors.automation.refused.handedOver" {
		t.Fatalf("key %s", key)
	}
	if _, err := w.Inbox.Reply(ctx, conv, "dana", "Hi, Dana here"); err != nil {
		t.Fatalf("a person's reply: %v", err)
	}
	audit, _ := w.Store.SearchAudit(ctx, store.AuditFilter{Action: "automation.conversation_paused"}, 10)
	if len(audit) != 1 || audit[0].Actor != "automation:"+strconv.FormatInt(esc, 10) {
		t.Fatalf("pause audit %+v", audit)
	}
	// Resumed, automation answers again.
	if ok, err := governance.ResumeConversation(ctx, w.Store, "dana", conv); !ok || err != nil {
		t.Fatalf("resume: %v %v", ok, err)
	}
	w.receive(t, ana, "thanks, all good now")
	if sent := w.Fake.Sent(); len(sent) != 2 {
		t.Fatalf("after resume: sent %d", len(sent))
	}
	if audit, _ := w.Store.SearchAudit(ctx, store.AuditFilter{Action: "automation.conversation_resumed"}, 10); len(audit) != 1 {
		t.Fatalf("resume audit %+v", audit)
	}
}

func TestHandOverToANamedMemberWithATag(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	w.rule(t, automation.Conditions{}, automation.Action{Type: automation.ActionEscalate, Assignee: "7", Tag: "vip"})
	conv := w.receive(t, ana, "hello")
	c, _ := w.Store.ConversationByID(ctx, conv)
	if c.Assignee != "7" {
		t.Fatalf("assignee %q", c.Assignee)
	}
	if tags := w.tags(t, conv); len(tags) != 1 || tags[0] != "vip" {
		t.Fatalf("tags %v", tags)
	}
	bad := automation.Rule{Name: "x", Actions: []automation.Action{{Type: automation.ActionEscalate, Assignee: "dana"}}}
	var inv *automation.InvalidRuleError
	if err := bad.Validate(); !errors.As(err, &inv) || inv.Field != "assignee" {
		t.Fatalf("validate: %v", err)
	}
}

// With no owner in the team (a solo creator), the hand-over still tags, raises and pauses.
func TestHandOverWithoutATeam(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	w.rule(t, automation.Conditions{}, automation.Action{Type: automation.ActionEscalate})
	conv := w.receive(t, ana, "hello")
	c, _ := w.Store.ConversationByID(ctx, conv)
	if c.Assignee != "" || c.Priority != 3 || !governance.ConversationPaused(ctx, w.Store, conv) {
		t.Fatalf("solo hand-over: %+v", c)
	}
}
