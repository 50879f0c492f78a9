// Package govtest builds a real workspace slice for the automation and
// governance tests: an on-disk store with a movable fixed clock, a Telegram
// fake server on loopback, the sync engine and the send gate.
package govtest

import (
	"context"
	"path/filepath"
	"strconv"
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
	cdsync "creatordesk/backend/sync"
)

const token = "5550007777:governance-test-token-abcdefghijklmn"

// Clock is a fixed clock tests move by hand.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Advance moves the clock forward.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// Env is the test workspace slice.
type Env struct {
	T       testing.TB
	Store   *store.Store
	Clock   *Clock
	Fake    *telegramfake.Server
	Engine  *cdsync.Engine
	Inbox   *inbox.Service
	Bus     *events.Bus
	Account store.Account
	// Stored collects every MessagesStored payload published by syncs.
	Stored []events.MessagesStoredPayload
}

// Start is the harness clock's starting time (a Monday, 10:00 UTC).
var Start = time.Date(2026, 3, 30, 10, 0, 0, 0, time.UTC)

// New builds the environment.
func New(t testing.TB) *Env {
	t.Helper()
	clock := &Clock{t: Start}
	st, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{Now: clock.Now, SkipBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	fake := telegramfake.New(token)
	url := fake.Start()
	t.Cleanup(fake.Close)
	acc := store.Account{Platform: telegram.Platform, Name: "shop bot", ExternalID: "1", BaseURL: url}
	if err := st.CreateAccount(context.Background(), &acc); err != nil {
		t.Fatal(err)
	}
	vault := secrets.NewMemory()
	_ = vault.Set(context.Background(), secrets.AccountTokenKey("ws", acc.ID), token)
	bus := events.New()
	engine := &cdsync.Engine{Store: st, Vault: vault, Bus: bus, WorkspaceID: "ws",
		Registry: platforms.Registry{telegram.Platform: telegram.New}}
	e := &Env{T: t, Store: st, Clock: clock, Fake: fake, Engine: engine, Bus: bus, Account: acc,
		Inbox: &inbox.Service{Store: st, Connectors: engine, Bus: bus}}
	bus.Subscribe(events.MessagesStored, func(p any) { e.Stored = append(e.Stored, p.(events.MessagesStoredPayload)) })
	return e
}

// Person is someone writing to the shop.
type Person struct {
	ID    int64
	Name  string
	IsBot bool
}

// Receive makes person send text in their private chat and syncs it; it
// returns the conversation id and the ids of the messages the sync stored.
func (e *Env) Receive(p Person, text string) (convID int64, msgIDs []int64) {
	e.T.Helper()
	e.Fake.AddMessage(telegramfake.Chat{ID: p.ID, Type: "private", FirstName: p.Name},
		telegramfake.User{ID: p.ID, FirstName: p.Name, IsBot: p.IsBot}, text, e.Clock.Now())
	before := len(e.Stored)
	if _, err := e.Engine.SyncOnce(context.Background(), e.Account.ID); err != nil {
		e.T.Fatal(err)
	}
	for _, s := range e.Stored[before:] {
		msgIDs = append(msgIDs, s.MessageIDs...)
	}
	return e.Conversation(p), msgIDs
}

// Conversation returns the id of person's private chat conversation (0 if none).
func (e *Env) Conversation(p Person) int64 {
	e.T.Helper()
	convs, _, err := e.Store.Conversations(context.Background(), store.ConversationFilter{}, store.ConversationCursor{}, 500)
	if err != nil {
		e.T.Fatal(err)
	}
	for _, c := range convs {
		if c.ExternalID == strconv.FormatInt(p.ID, 10) {
			return c.ID
		}
	}
	return 0
}
