package campaigns

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"creatordesk/backend/events"
	"creatordesk/backend/inbox"
	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/telegram"
	"creatordesk/backend/platforms/telegram/telegramfake"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
	gosync "creatordesk/backend/sync"
	"creatordesk/backend/templates"
)

const tgToken = "5550004444:campaigns-test-token-abcdefghijklmnopq"

// clock is a movable test clock shared by the store and the service.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// inboxWorld is a store on a movable clock with a Telegram account (fake
// server on loopback), DM conversations of n customers, the send gate, the
// templates service and the campaigns service wired like the workspace does.
type inboxWorld struct {
	st     *store.Store
	svc    *Service
	gate   *inbox.Service
	fake   *telegramfake.Server
	clock  *clock
	convs  []store.Conversation
	engine *gosync.Engine
	accID  int64
}

func newInboxWorld(t *testing.T, customers int) *inboxWorld {
	t.Helper()
	clk := &clock{t: now}
	w := &inboxWorld{clock: clk}
	var err error
	w.st, err = store.Open(t.TempDir()+"/"+store.FileName, store.Options{Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = w.st.Close() })
	w.fake = telegramfake.New(tgToken)
	url := w.fake.Start()
	t.Cleanup(w.fake.Close)
	ctx := context.Background()
	acc := store.Account{Platform: telegram.Platform, Name: "bot", ExternalID: "1", BaseURL: url}
	if err := w.st.CreateAccount(ctx, &acc); err != nil {
		t.Fatal(err)
	}
	vault := secrets.NewMemory()
	_ = vault.Set(ctx, secrets.AccountTokenKey("ws", acc.ID), tgToken)
	bus := events.New()
	w.accID = acc.ID
	engine := &gosync.Engine{Store: w.st, Vault: vault, Bus: bus, WorkspaceID: "ws", Registry: platforms.Registry{telegram.Platform: telegram.New}}
	for i := 0; i < customers; i++ {
		id := int64(100 + i)
		name := fmt.Sprintf("Cust%c", 'A'+i%26)
		w.fake.AddMessage(telegramfake.Chat{ID: id, Type: "private", FirstName: name}, telegramfake.User{ID: id, FirstName: name},
			"Hello, I posted a video with your mug", now.Add(-time.Hour))
	}
	if _, err := engine.SyncOnce(ctx, acc.ID); err != nil {
		t.Fatal(err)
	}
	w.convs, _, _ = w.st.Conversations(ctx, store.ConversationFilter{}, store.ConversationCursor{}, 500)
	if len(w.convs) != customers {
		t.Fatalf("%d conversations, want %d", len(w.convs), customers)
	}
	w.engine = engine
	w.gate = &inbox.Service{Store: w.st, Connectors: engine, Bus: bus}
	tpl := templates.NewService(w.st)
	w.gate.Policies = append(w.gate.Policies, templates.UnfilledPolicy{})
	w.svc = &Service{Store: w.st, Bus: bus, Now: clk.Now, Templates: tpl, Sender: w.gate}
	w.gate.AfterSend = append(w.gate.AfterSend, w.svc.RecordExposure)
	return w
}

// auditActions lists the audit actions on a target, oldest first.
func auditActions(t *testing.T, st *store.Store, targetType string, id int64) []string {
	t.Helper()
	evs, err := st.AuditEvents(context.Background(), targetType, fmt.Sprint(id), 100)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, 0, len(evs))
	for i := len(evs) - 1; i >= 0; i-- {
		out = append(out, evs[i].Action)
	}
	return out
}
