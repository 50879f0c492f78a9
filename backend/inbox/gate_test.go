package inbox_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/events"
	"creatordesk/backend/inbox"
	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/telegram"
	"creatordesk/backend/platforms/telegram/telegramfake"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
	"creatordesk/backend/sync"
)

const token = "5550003333:gate-test-token-abcdefghijklmnopqrstuv"

func setup(t *testing.T) (*inbox.Service, *telegramfake.Server, int64, *store.Store) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	fake := telegramfake.New(token)
	url := fake.Start()
	t.Cleanup(fake.Close)
	acc := store.Account{Platform: telegram.Platform, Name: "bot", ExternalID: "1", BaseURL: url}
	_ = st.CreateAccount(context.Background(), &acc)
	vault := secrets.NewMemory()
	_ = vault.Set(context.Background(), secrets.AccountTokenKey("ws", acc.ID), token)
	bus := events.New()
	engine := &sync.Engine{Store: st, Vault: vault, Bus: bus, WorkspaceID: "ws", Registry: platforms.Registry{telegram.Platform: telegram.New}}
	fake.AddMessage(telegramfake.Chat{ID: 42, Type: "private", FirstName: "Ana"}, telegramfake.User{ID: 42, FirstName: "Ana"}, "Is the mug in stock?", time.Now())
	if _, err := engine.SyncOnce(context.Background(), acc.ID); err != nil {
		t.Fatal(err)
	}
	convs, _, _ := st.Conversations(context.Background(), store.ConversationFilter{}, store.ConversationCursor{}, 10)
	return &inbox.Service{Store: st, Connectors: engine, Bus: bus}, fake, convs[0].ID, st
}

func TestReplyGoesOutAndIsRecorded(t *testing.T) {
	svc, fake, conv, st := setup(t)
	var states []int64
	svc.Bus.Subscribe(events.MessageStateChanged, func(p any) { states = append(states, p.(events.MessageStatePayload).MessageID) })
	m, err := svc.Reply(context.Background(), conv, "dana", "Yes! It ships tomorrow.")
	if err != nil || m.State != store.StateSent || m.ExternalID == "" || strings.HasPrefix(m.ExternalID, "local:") {
		t.Fatalf("reply: %+v %v", m, err)
	}
	if sent := fake.Sent(); len(sent) != 1 || sent[0].Text != "Yes! It ships tomorrow." || sent[0].ChatID != 42 {
		t.Fatalf("fake got %+v", sent)
	}
	if len(states) != 2 {
		t.Fatalf("want queued and sent events, got %d", len(states))
	}
	audit, _ := st.AuditEvents(context.Background(), "message", "", 10)
	if len(audit) == 0 || audit[0].Action != "reply.sent" || audit[0].Actor != "dana" {
		t.Fatalf("audit: %+v", audit)
	}
}

func TestGateRefusesBeforeStoring(t *testing.T) {
	svc, fake, conv, st := setup(t)
	ctx := context.Background()
	if _, err := svc.Reply(ctx, conv, "dana", "   \n"); !errors.Is(err, inbox.ErrEmptyText) {
		t.Fatalf("empty: %v", err)
	}
	var tooLong *inbox.TooLongError
	if _, err := svc.Reply(ctx, conv, "dana", strings.Repeat("é", 4097)); !errors.As(err, &tooLong) || tooLong.Max != 4096 {
		t.Fatalf("too long: %v", err)
	}
	c, _ := st.ConversationByID(ctx, conv)
	_ = st.SetAccountStatus(ctx, c.AccountID, store.AccountNeedsReconnect, "auth", "")
	if _, err := svc.Reply(ctx, conv, "dana", "hi"); !errors.Is(err, inbox.ErrAccountDisconnected) {
		t.Fatalf("disconnected: %v", err)
	}
	if msgs, _ := st.Messages(ctx, conv, 0); len(msgs) != 1 {
		t.Fatalf("refused replies were stored: %d messages", len(msgs))
	}
	if len(fake.Sent()) != 0 {
		t.Fatal("a refused reply reached the platform")
	}
}

func TestFailedSendIsKeptAndRetried(t *testing.T) {
	svc, fake, conv, st := setup(t)
	ctx := context.Background()
	fake.SetDown(true)
	m, err := svc.Reply(ctx, conv, "dana", "Sorry for the wait!")
	if err != nil || m.State != store.StateFailed || m.ErrorKind != string(platforms.KindTransient) {
		t.Fatalf("failed send: %+v %v", m, err)
	}
	stored, _ := st.MessageByID(ctx, m.ID)
	if stored.State != store.StateFailed || stored.Text != "Sorry for the wait!" {
		t.Fatalf("failed reply not kept: %+v", stored)
	}
	fake.SetDown(false)
	m, err = svc.Retry(ctx, m.ID, "dana")
	if err != nil || m.State != store.StateSent {
		t.Fatalf("retry: %+v %v", m, err)
	}
	if sent := fake.Sent(); len(sent) != 1 {
		t.Fatalf("fake got %d messages", len(sent))
	}
	if msgs, _ := st.Messages(ctx, conv, 0); len(msgs) != 2 {
		t.Fatalf("retry duplicated the message: %d", len(msgs))
	}
}

func TestSearchHighlights(t *testing.T) {
	svc, _, _, _ := setup(t)
	hits, err := svc.Search(context.Background(), "stock", 10)
	if err != nil || len(hits) != 1 {
		t.Fatalf("search: %v %v", hits, err)
	}
	var marked string
	for _, f := range hits[0].Fragments {
		if f.Hit {
			marked += f.Text
		}
	}
	if marked != "stock" {
		t.Fatalf("highlight %q", marked)
	}
}

// refuseOrLabel refuses texts containing "refuse" and appends a label otherwise.
type refuseOrLabel struct{}

func (refuseOrLabel) Check(_ context.Context, _ store.Conversation, req *inbox.SendRequest) error {
	if strings.Contains(req.Text, "refuse") {
		return errors.New("policy refused")
	}
	req.Text += " [auto]"
	return nil
}

func TestPoliciesAmendOrRefuseAndHooksSeeTheOutcome(t *testing.T) {
	svc, fake, convID, _ := setup(t)
	svc.Policies = []inbox.Policy{refuseOrLabel{}}
	var seen []string
	svc.AfterSend = []inbox.SentHook{func(_ context.Context, _ store.Conversation, req inbox.SendRequest, m store.Message) {
		seen = append(seen, req.Origin+":"+m.Text+":"+m.State)
	}}
	if _, err := svc.Send(context.Background(), inbox.SendRequest{ConversationID: convID, Text: "please refuse", Actor: "bot", Origin: inbox.OriginAutomation}); err == nil {
		t.Fatal("the policy's refusal was ignored")
	}
	if len(fake.Sent()) != 0 {
		t.Fatal("a refused message reached the platform")
	}
	m, err := svc.Send(context.Background(), inbox.SendRequest{ConversationID: convID, Text: "hello", Actor: "bot", Origin: inbox.OriginAutomation})
	if err != nil {
		t.Fatal(err)
	}
	if m.Text != "hello [auto]" || m.State != store.StateSent {
		t.Fatalf("stored %q in state %s", m.Text, m.State)
	}
	if len(seen) != 1 || seen[0] != "automation:hello [auto]:sent" {
		t.Fatalf("after-send hooks saw %v", seen)
	}
}
