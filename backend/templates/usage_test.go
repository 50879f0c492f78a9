package templates_test

import (
	"context"
	"errors"
	"testing"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
	"creatordesk/backend/templates"
)

func TestDeliveredTemplateMessagesCountAsUses(t *testing.T) {
	e := newEnv(t, chat{id: 42, first: "Ana", last: "Pop", languageCode: "en", in: "Where is my order?"})
	ctx := context.Background()
	tpl := e.mustCreate(t, templates.Input{Name: "Order status", Variants: map[string]string{"en": "Hi {first_name|there}, order {order_id} is on its way."}})
	conv := e.conv["Ana"]

	// Preview and render record nothing.
	r, err := e.svc.RenderFor(ctx, templates.RenderRequest{TemplateID: tpl.ID, ConversationID: conv})
	if err != nil || r.Text != "Hi Ana, order {order_id} is on its way." || len(r.Missing) != 1 {
		t.Fatalf("render: %+v %v", r, err)
	}

	// The gate refuses the text with the gap, before anything is stored or sent.
	_, err = e.inbox.Send(ctx, inbox.SendRequest{ConversationID: conv, Text: r.Text, Actor: "dana", Origin: inbox.OriginTemplate, TemplateID: tpl.ID})
	var ue *templates.UnfilledError
	if !errors.As(err, &ue) || ue.Tokens[0] != "order_id" {
		t.Fatalf("send with a gap: %v", err)
	}
	if len(e.fake.Sent()) != 0 {
		t.Fatal("a text with a gap reached the platform")
	}
	if got, _ := e.st.TemplateByID(ctx, tpl.ID); got.UsageCount != 0 {
		t.Fatalf("usage after refusal/preview = %d", got.UsageCount)
	}

	// Filled in, it goes out and counts once.
	r, _ = e.svc.RenderFor(ctx, templates.RenderRequest{TemplateID: tpl.ID, ConversationID: conv, Values: map[string]string{"order_id": "#1042"}})
	m, err := e.inbox.Send(ctx, inbox.SendRequest{ConversationID: conv, Text: r.Text, Actor: "dana", Origin: inbox.OriginTemplate, TemplateID: tpl.ID})
	if err != nil || m.State != store.StateSent {
		t.Fatalf("send: %+v %v", m, err)
	}
	got, _ := e.st.TemplateByID(ctx, tpl.ID)
	if got.UsageCount != 1 || got.LastUsedAt == 0 {
		t.Fatalf("usage after delivery = %d (last used %d)", got.UsageCount, got.LastUsedAt)
	}

	// A failed delivery counts nothing; a plain reply counts nothing.
	e.fake.SetDown(true)
	m, err = e.inbox.Send(ctx, inbox.SendRequest{ConversationID: conv, Text: "Hi Ana, order #1042 is on its way.", Actor: "dana", Origin: inbox.OriginTemplate, TemplateID: tpl.ID})
	if err != nil || m.State != store.StateFailed {
		t.Fatalf("failed send: %+v %v", m, err)
	}
	e.fake.SetDown(false)
	if _, err := e.inbox.Send(ctx, inbox.SendRequest{ConversationID: conv, Text: "Thanks!", Actor: "dana"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := e.st.TemplateByID(ctx, tpl.ID); got.UsageCount != 1 {
		t.Fatalf("usage after a failed and a plain send = %d, want 1", got.UsageCount)
	}
}
