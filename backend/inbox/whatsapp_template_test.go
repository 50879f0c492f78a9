package inbox_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"creatordesk/backend/accounts"
	"creatordesk/backend/events"
	"creatordesk/backend/inbox"
	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/whatsapp"
	"creatordesk/backend/platforms/whatsapp/whatsappfake"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
	"creatordesk/backend/sync"
)

const (
	waToken = "EAAGgate-test-system-user-token-0123456789abcdef"
	waWABA  = "102290129340398"
	waPhone = "106540352242922"
	waFan   = "40721000111"
)

// whatsappConversation connects a WhatsApp account to the fake and stores
// one conversation whose customer wrote 30 hours ago (the window is closed).
func whatsappConversation(t *testing.T) (*inbox.Service, *store.Store, *whatsappfake.Server, store.Conversation) {
	t.Helper()
	ctx := context.Background()
	t0 := time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)
	fake := whatsappfake.New(waWABA, whatsappfake.Phone{ID: waPhone, Display: "+1 555-010-2030", VerifiedName: "Glaze & Co."})
	fake.Clock.Set(t0)
	fake.AddToken(waToken, 0)
	fake.AddTemplate(whatsappfake.Template{ID: "1", Name: "order_update", Language: "en_US", Status: "APPROVED", Category: "UTILITY",
		Body: "Hi {{1}}, your order {{2}} is on its way."})
	fake.AddTemplate(whatsappfake.Template{ID: "2", Name: "spring_sale", Language: "en_US", Status: "APPROVED", Category: "MARKETING",
		Body: "{{1}}, our spring glazes are 20% off this week."})
	fake.AddTemplate(whatsappfake.Template{ID: "3", Name: "draft_promo", Language: "en_US", Status: "PENDING", Category: "MARKETING", Body: "Soon!"})
	fake.AddPerson(waFan)
	url := fake.Start()
	t.Cleanup(fake.Close)
	st, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{Now: fake.Clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	reg := platforms.Registry{whatsapp.Platform: whatsapp.NewFactory(whatsapp.Options{Now: fake.Clock.Now}).New}
	vault := secrets.NewMemory()
	acc, err := (&accounts.Service{Store: st, Vault: vault, Registry: reg, WorkspaceID: "ws"}).Connect(ctx, accounts.ConnectRequest{
		Platform: whatsapp.Platform, Token: waToken, BaseURL: url, Actor: "me",
		Extra: map[string]string{whatsapp.ExtraPhoneNumberID: waPhone, whatsapp.ExtraWABAID: waWABA}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.IngestPage(ctx, acc.ID, []platforms.Message{{ExternalID: "wamid.in1", ThreadExternalID: waFan,
		ThreadKind: platforms.ThreadDM, ThreadTitle: "Ana", Author: platforms.Person{ExternalID: waFan, DisplayName: "Ana"},
		Direction: platforms.DirectionIn, Text: "Where is my order?", SentAt: t0.Add(-30 * time.Hour)}}, ""); err != nil {
		t.Fatal(err)
	}
	convs, _, _ := st.Conversations(ctx, store.ConversationFilter{}, store.ConversationCursor{}, 10)
	if len(convs) != 1 {
		t.Fatalf("want one conversation, got %d", len(convs))
	}
	eng := &sync.Engine{Store: st, Vault: vault, Bus: events.New(), WorkspaceID: "ws", Registry: reg}
	return &inbox.Service{Store: st, Connectors: eng}, st, fake, convs[0]
}

func TestApprovedTemplateGoesOutAfterTheWindow(t *testing.T) {
	svc, st, fake, conv := whatsappConversation(t)
	ctx := context.Background()
	var closed *inbox.WindowClosedError
	if _, err := svc.Reply(ctx, conv.ID, "dana", "Sorry for the wait!"); !errors.As(err, &closed) {
		t.Fatalf("free text after the window: %v", err)
	}
	list, err := svc.ApprovedTemplates(ctx, conv)
	if err != nil || len(list) != 2 || list[0].Name != "order_update" || list[0].BodyParams != 2 {
		t.Fatalf("approved templates: %+v %v", list, err)
	}
	m, err := svc.Send(ctx, inbox.SendRequest{ConversationID: conv.ID, Actor: "dana",
		WhatsAppTemplate: &inbox.TemplateRequest{Name: "order_update", Language: "en_US", Params: []string{"Ana", "#1042"}}})
	if err != nil || m.State != store.StateSent {
		t.Fatalf("template: %+v %v", m, err)
	}
	if m.Text != "Hi Ana, your order #1042 is on its way." {
		t.Fatalf("stored text %q", m.Text)
	}
	sent := fake.Sent()
	if len(sent) != 1 || sent[0].Template != "order_update" || sent[0].Language != "en_US" || len(sent[0].Params) != 2 || sent[0].Params[1] != "#1042" {
		t.Fatalf("fake got %+v", sent)
	}
	if tpl, ok, _ := st.OutgoingTemplateOf(ctx, m.ID); !ok || tpl.Name != "order_update" || tpl.Params()[0] != "Ana" {
		t.Fatalf("recorded template %+v %v", tpl, ok)
	}
	audit, _ := st.AuditEvents(ctx, "message", "", 10)
	if len(audit) == 0 || audit[0].Action != "reply.template.sent" || audit[0].Actor != "dana" {
		t.Fatalf("audit %+v", audit)
	}
}

func TestUnknownUnapprovedOrUnfilledTemplatesAreRefused(t *testing.T) {
	svc, st, fake, conv := whatsappConversation(t)
	ctx := context.Background()
	send := func(name string, params ...string) error {
		_, err := svc.Send(ctx, inbox.SendRequest{ConversationID: conv.ID, Actor: "dana",
			WhatsAppTemplate: &inbox.TemplateRequest{Name: name, Language: "en_US", Params: params}})
		return err
	}
	var gone *inbox.TemplateUnavailableError
	if err := send("no_such_template"); !errors.As(err, &gone) || gone.Status != "" {
		t.Fatalf("unknown: %v", err)
	}
	if _, key, _ := gone.ErrorKey(); key != "errors.outbound.templateUnknown" {
		t.Fatalf("key %s", key)
	}
	if err := send("draft_promo"); !errors.As(err, &gone) || gone.Status != "PENDING" {
		t.Fatalf("pending: %v", err)
	}
	var params *inbox.TemplateParamsError
	if err := send("order_update", "Ana"); !errors.As(err, &params) || params.Want != 2 {
		t.Fatalf("one of two params: %v", err)
	}
	if err := send("order_update", "Ana", "  "); !errors.As(err, &params) {
		t.Fatalf("a blank param: %v", err)
	}
	_, err := svc.Send(ctx, inbox.SendRequest{ConversationID: conv.ID, Actor: "dana", Text: "x",
		WhatsAppTemplate: &inbox.TemplateRequest{Name: "order_update", Language: "en_US", Params: []string{"a", "b"}},
		Attachments:      []inbox.AttachmentInput{{Name: "a.pdf", Data: []byte("%PDF")}}})
	if !errors.Is(err, inbox.ErrOutboundNotHere) {
		t.Fatalf("template with a file: %v", err)
	}
	if msgs, _ := st.Messages(ctx, conv.ID, 0); len(msgs) != 1 || len(fake.Sent()) != 0 {
		t.Fatalf("refused templates were stored or sent: %d stored, %d sent", len(msgs), len(fake.Sent()))
	}
}

// consentPolicy refuses marketing messages, as the governance area does
// for a contact without marketing consent.
type consentPolicy struct{ seen []bool }

func (p *consentPolicy) Check(_ context.Context, _ store.Conversation, req *inbox.SendRequest) error {
	p.seen = append(p.seen, req.Marketing)
	if req.Marketing {
		return errors.New("no marketing consent")
	}
	return nil
}

func TestMarketingTemplatesGoThroughThePolicies(t *testing.T) {
	svc, _, fake, conv := whatsappConversation(t)
	pol := &consentPolicy{}
	svc.Policies = []inbox.Policy{pol}
	ctx := context.Background()
	_, err := svc.Send(ctx, inbox.SendRequest{ConversationID: conv.ID, Actor: "dana",
		WhatsAppTemplate: &inbox.TemplateRequest{Name: "spring_sale", Language: "en_US", Params: []string{"Ana"}}})
	if err == nil || len(fake.Sent()) != 0 {
		t.Fatalf("a marketing template passed the consent policy: %v", err)
	}
	if _, err := svc.Send(ctx, inbox.SendRequest{ConversationID: conv.ID, Actor: "dana",
		WhatsAppTemplate: &inbox.TemplateRequest{Name: "order_update", Language: "en_US", Params: []string{"Ana", "#7"}}}); err != nil {
		t.Fatalf("a utility template: %v", err)
	}
	if len(pol.seen) != 2 || !pol.seen[0] || pol.seen[1] {
		t.Fatalf("policy saw marketing flags %v", pol.seen)
	}
}

func TestFailedTemplateIsRetriedAsTheSameTemplate(t *testing.T) {
	svc, st, fake, conv := whatsappConversation(t)
	ctx := context.Background()
	// Someone WhatsApp cannot deliver to yet (131026): the message fails and is kept.
	if _, err := st.IngestPage(ctx, conv.AccountID, []platforms.Message{{ExternalID: "wamid.in2", ThreadExternalID: "40721000999",
		ThreadKind: platforms.ThreadDM, Author: platforms.Person{ExternalID: "40721000999", DisplayName: "Radu"},
		Direction: platforms.DirectionIn, Text: "hello", SentAt: fake.Clock.Now().Add(-48 * time.Hour)}}, ""); err != nil {
		t.Fatal(err)
	}
	convs, _, _ := st.Conversations(ctx, store.ConversationFilter{}, store.ConversationCursor{}, 10)
	for _, c := range convs {
		if c.ExternalID == "40721000999" {
			conv = c
		}
	}
	m, err := svc.Send(ctx, inbox.SendRequest{ConversationID: conv.ID, Actor: "dana",
		WhatsAppTemplate: &inbox.TemplateRequest{Name: "order_update", Language: "en_US", Params: []string{"Ana", "#9"}}})
	if err != nil || m.State != store.StateFailed {
		t.Fatalf("first try: %+v %v", m, err)
	}
	fake.AddPerson("40721000999")
	m, err = svc.Retry(ctx, m.ID, "dana")
	if err != nil || m.State != store.StateSent {
		t.Fatalf("retry: %+v %v", m, err)
	}
	if sent := fake.Sent(); len(sent) != 1 || sent[0].Template != "order_update" || sent[0].Params[1] != "#9" || sent[0].To != "40721000999" {
		t.Fatalf("fake got %+v", sent)
	}
}

func TestTemplatesOnlyWhereThePlatformHasThem(t *testing.T) {
	svc, _, conv, st := setup(t)
	c, _ := st.ConversationByID(context.Background(), conv)
	if _, err := svc.ApprovedTemplates(context.Background(), c); !errors.Is(err, inbox.ErrTemplatesUnsupported) {
		t.Fatalf("Telegram templates: %v", err)
	}
}

func TestRenderTemplate(t *testing.T) {
	if got := inbox.RenderTemplate("Hi {{1}}, order {{ 2 }} — {{3}}", []string{"Ana", "#1"}); got != "Hi Ana, order #1 — {{3}}" {
		t.Fatalf("%q", got)
	}
}
