package templates_test

import (
	"context"
	"path/filepath"
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
	"creatordesk/backend/templates"
)

const token = "5550004444:templates-test-token-abcdefghijklmnopq"

// clock is the fixed time every test store runs at.
var clock = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

// env is a real store with a Telegram account synced from the fake, the inbox
// send gate with the templates policy and hook, and the templates service.
type env struct {
	st    *store.Store
	fake  *telegramfake.Server
	inbox *inbox.Service
	svc   *templates.Service
	// conv maps a chat's first name to its conversation id.
	conv map[string]int64
}

// chat is one private chat the fake starts with.
type chat struct {
	id               int64
	first, last      string
	languageCode, in string
}

func newEnv(t *testing.T, chats ...chat) *env {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	e := &env{st: st, svc: templates.NewService(st), conv: map[string]int64{}}
	if len(chats) == 0 {
		return e
	}
	fake := telegramfake.New(token)
	url := fake.Start()
	t.Cleanup(fake.Close)
	ctx := context.Background()
	acc := store.Account{Platform: telegram.Platform, Name: "bot", ExternalID: "1", BaseURL: url}
	if err := st.CreateAccount(ctx, &acc); err != nil {
		t.Fatal(err)
	}
	vault := secrets.NewMemory()
	_ = vault.Set(ctx, secrets.AccountTokenKey("ws", acc.ID), token)
	bus := events.New()
	engine := &sync.Engine{Store: st, Vault: vault, Bus: bus, WorkspaceID: "ws", Registry: platforms.Registry{telegram.Platform: telegram.New}}
	for _, c := range chats {
		u := telegramfake.User{ID: c.id, FirstName: c.first, LastName: c.last, LanguageCode: c.languageCode}
		fake.AddMessage(telegramfake.Chat{ID: c.id, Type: "private", FirstName: c.first, LastName: c.last}, u, c.in, clock.Add(-time.Hour))
	}
	if _, err := engine.SyncOnce(ctx, acc.ID); err != nil {
		t.Fatal(err)
	}
	convs, _, err := st.Conversations(ctx, store.ConversationFilter{}, store.ConversationCursor{}, 50)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range convs {
		f, err := st.TemplateFacts(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		e.conv[f.ContactFirstName] = c.ID
	}
	e.fake = fake
	e.inbox = &inbox.Service{Store: st, Connectors: engine, Bus: bus,
		Policies: []inbox.Policy{templates.UnfilledPolicy{}}, AfterSend: []inbox.SentHook{e.svc.RecordUse}}
	return e
}

// mustCreate saves a template or fails the test.
func (e *env) mustCreate(t *testing.T, in templates.Input) store.Template {
	t.Helper()
	tpl, err := e.svc.Create(context.Background(), "dana", in)
	if err != nil {
		t.Fatalf("create %q: %v", in.Name, err)
	}
	return tpl
}
