package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	gosync "sync"
	"testing"
	"time"

	"creatordesk/backend/accounts"
	"creatordesk/backend/inbox"
	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/bluesky"
	"creatordesk/backend/platforms/telegram/telegramfake"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
	"creatordesk/backend/workspace"
)

const testToken = "5550004444:app-test-token-abcdefghijklmnopqrstuvw"

// recorder is a Runtime that keeps every event.
type recorder struct {
	mu     gosync.Mutex
	events map[string][]any
}

func (r *recorder) Emit(event string, payload any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.events == nil {
		r.events = map[string][]any{}
	}
	r.events[event] = append(r.events[event], payload)
}

func (r *recorder) count(event string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.events[event])
}

func newSession(t *testing.T) (*Session, *recorder, *telegramfake.Server, string) {
	t.Helper()
	fake := telegramfake.New(testToken)
	url := fake.Start()
	t.Cleanup(fake.Close)
	cfg := workspace.Config{Dir: filepath.Join(t.TempDir(), "ws"), Vault: secrets.NewMemory()}
	ws, err := workspace.Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := NewSession(ws, false, cfg)
	rec := &recorder{}
	s.SetRuntime(rec)
	t.Cleanup(func() { _ = s.Close() })
	return s, rec, fake, url
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

func TestFirstRunConnectSyncReplyThroughFacades(t *testing.T) {
	s, rec, fake, url := newSession(t)
	wsAPI, accAPI, inboxAPI := NewWorkspace(s), NewAccounts(s), NewInbox(s)
	if st, _ := wsAPI.Status(); st.Mode != "empty" || st.Version == "" {
		t.Fatalf("new workspace status %+v", st)
	}
	fake.AddMessage(telegramfake.Chat{ID: 9, Type: "private", FirstName: "Wei"}, telegramfake.User{ID: 9, FirstName: "Wei"}, "请问这个杯子多少钱？", time.Now())
	acc, err := accAPI.ConnectTelegram(ConnectTelegramRequest{Token: testToken, BaseURL: url})
	if err != nil || acc.Platform != "telegram" || acc.Status != store.AccountConnected {
		t.Fatalf("connect: %+v %v", acc, err)
	}
	if _, err := accAPI.Connect(ConnectRequest{Platform: "telegram", Token: "5550004444:wrong-token-abcdefghijklmnopqrstuvwx", BaseURL: url}); ToAppError(err).Key != "errors.account.credentialsRejected" {
		t.Fatalf("a refused token at connect time: %v", err)
	}
	if st, _ := wsAPI.Status(); st.Mode != "ready" || st.AccountCount != 1 {
		t.Fatalf("status after connect %+v", st)
	}
	var page ConversationPage
	waitFor(t, "the synced conversation", func() bool {
		page, _ = inboxAPI.ListConversations(ConversationQuery{Limit: 50})
		return len(page.Items) == 1
	})
	c := page.Items[0]
	if c.Title != "Wei" || c.Unread != 1 || c.Language != "zh-Hans" || c.Platform != "telegram" {
		t.Fatalf("conversation %+v", c)
	}
	waitFor(t, "inbox:changed and sync:status events", func() bool { return rec.count(EventInboxChanged) > 0 && rec.count(EventSyncStatus) > 0 })

	if counts, err := inboxAPI.Counts(); err != nil || counts.UnreadMessages != 1 || counts.UnreadConversations != 1 || counts.Waiting != 0 {
		t.Fatalf("counts %+v %v", counts, err)
	}
	thread, err := inboxAPI.GetThread(c.ID)
	if err != nil || len(thread.Messages) != 1 || thread.Messages[0].Direction != "in" {
		t.Fatalf("thread %+v %v", thread, err)
	}
	m, err := inboxAPI.Reply(c.ID, "有货，明天发出 🙂")
	if err != nil || m.State != "sent" || m.Error != nil {
		t.Fatalf("reply %+v %v", m, err)
	}
	if rec.count(EventMessageState) < 2 {
		t.Fatalf("message:state events: %d", rec.count(EventMessageState))
	}
	if sent := fake.Sent(); len(sent) != 1 || sent[0].Text != "有货，明天发出 🙂" {
		t.Fatalf("fake got %+v", sent)
	}
	hits, err := inboxAPI.Search("杯子", 10)
	if err != nil || len(hits) != 1 || hits[0].ConversationID != c.ID {
		t.Fatalf("search %+v %v", hits, err)
	}
	if got, err := inboxAPI.GetConversations([]int64{c.ID, 99999}); err != nil || len(got) != 1 || got[0].Snippet != "有货，明天发出 🙂" {
		t.Fatalf("GetConversations %+v %v", got, err)
	}
	if err := inboxAPI.MarkRead(c.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := inboxAPI.SetStatus(c.ID, "resolved"); got.Status != "resolved" || got.Unread != 0 {
		t.Fatalf("set status %+v", got)
	}
	if _, err := inboxAPI.SetStatus(c.ID, "archived"); ToAppError(err).Key != "errors.invalidInput" {
		t.Fatalf("bad status: %v", err)
	}
	if err := accAPI.Disconnect(acc.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := accAPI.List(); len(list) != 0 {
		t.Fatalf("disconnected account still listed: %+v", list)
	}
	if _, err := inboxAPI.Reply(c.ID, "still there?"); ToAppError(err).Key != "errors.send.accountDisconnected" {
		t.Fatalf("reply after disconnect: %v", err)
	}
}

func TestFailedReplyCarriesTranslatedReason(t *testing.T) {
	s, _, fake, url := newSession(t)
	fake.AddMessage(telegramfake.Chat{ID: 5, Type: "private", FirstName: "Ana"}, telegramfake.User{ID: 5, FirstName: "Ana"}, "salut", time.Now())
	if _, err := NewAccounts(s).ConnectTelegram(ConnectTelegramRequest{Token: testToken, BaseURL: url}); err != nil {
		t.Fatal(err)
	}
	var page ConversationPage
	waitFor(t, "sync", func() bool { page, _ = NewInbox(s).ListConversations(ConversationQuery{}); return len(page.Items) == 1 })
	fake.SetDown(true)
	m, err := NewInbox(s).Reply(page.Items[0].ID, "Bună! Revin imediat.")
	if err != nil || m.State != "failed" || m.Error == nil || m.Error.Key != "errors.platform.transient" {
		t.Fatalf("failed reply %+v %v", m, err)
	}
	fake.SetDown(false)
	m, err = NewInbox(s).RetrySend(m.ID)
	if err != nil || m.State != "sent" {
		t.Fatalf("retry %+v %v", m, err)
	}
}

func TestSettingsValidateAndPersist(t *testing.T) {
	s, _, _, _ := newSession(t)
	api := NewSettings(s)
	if got, _ := api.Get(); got.Language != "" || got.Theme != "system" {
		t.Fatalf("defaults %+v", got)
	}
	if got, err := api.SetLanguage("zh-Hant"); err != nil || got.Language != "zh-Hant" {
		t.Fatalf("set language %+v %v", got, err)
	}
	if got, err := api.SetTheme("dark"); err != nil || got.Theme != "dark" {
		t.Fatalf("set theme %+v %v", got, err)
	}
	if _, err := api.SetLanguage("klingon"); ToAppError(err).Key != "errors.invalidInput" {
		t.Fatalf("bad language: %v", err)
	}
	if _, err := api.SetTheme("neon"); err == nil {
		t.Fatal("bad theme accepted")
	}
}

func TestOpenDemoSwitchesWorkspace(t *testing.T) {
	s, rec, _, _ := newSession(t)
	realDir := s.Workspace().Dir
	st, err := NewWorkspace(s).OpenDemo()
	if err != nil || st.Mode != "demo" || st.DataDir == realDir {
		t.Fatalf("OpenDemo %+v %v", st, err)
	}
	if rec.count(EventWorkspaceChanged) != 1 {
		t.Fatal("no workspace:changed event")
	}
	page, err := NewInbox(s).ListConversations(ConversationQuery{Limit: 500})
	if err != nil || len(page.Items) < 200 {
		t.Fatalf("demo inbox has %d conversations: %v", len(page.Items), err)
	}
	langs := map[string]bool{}
	for _, c := range page.Items {
		langs[c.Language] = true
	}
	for _, l := range []string{"en", "zh-Hans", "zh-Hant", "ro", "hi"} {
		if !langs[l] {
			t.Errorf("demo has no %s conversation (has %v)", l, langs)
		}
	}
}

func TestErrorMapping(t *testing.T) {
	cases := []struct {
		err  error
		key  string
		args map[string]string
	}{
		{inbox.ErrEmptyText, "errors.send.emptyText", nil},
		{&inbox.TooLongError{Max: 4096}, "errors.send.tooLong", map[string]string{"max": "4096"}},
		{secrets.ErrUnavailable, "errors.keyring.unavailable", nil},
		{errors.Join(secrets.ErrLocked, errors.New("dbus")), "errors.keyring.locked", nil},
		{&platforms.Error{Kind: platforms.KindRateLimited, RetryAfter: 35 * time.Second}, "errors.platform.rateLimited", map[string]string{"seconds": "35"}},
		{&platforms.Error{Kind: platforms.KindAuth}, "errors.platform.auth", nil},
		{&platforms.Error{Kind: platforms.KindPermanent, Message: "chat not found"}, "errors.platform.permanent", map[string]string{"detail": "chat not found"}},
		{store.ErrDiskFull, "errors.db.diskFull", nil},
		{&accounts.TokenFormatError{Platform: "telegram"}, "errors.telegram.tokenFormat", nil},
		{&accounts.TokenFormatError{Platform: "bluesky"}, "errors.account.tokenFormat", map[string]string{"platform": "Bluesky"}},
		{&platforms.Error{Kind: platforms.KindAuth, Err: bluesky.ErrNoDMAccess}, "errors.bluesky.noDMAccess", nil},
		{store.ErrNotFound, "errors.notFound", nil},
		{errors.New("boom"), "errors.internal", nil},
	}
	for _, c := range cases {
		ae := ToAppError(c.err)
		if ae.Key != c.key {
			t.Errorf("%v → %s, want %s", c.err, ae.Key, c.key)
		}
		for k, v := range c.args {
			if ae.Args[k] != v {
				t.Errorf("%v args %v, want %s=%s", c.err, ae.Args, k, v)
			}
		}
		var wire AppError
		if text, ok := FormatError(c.err).(string); !ok || json.Unmarshal([]byte(text), &wire) != nil || wire.Key != c.key {
			t.Errorf("FormatError(%v) = %v, want JSON text of the AppError", c.err, FormatError(c.err))
		}
	}
	if ToAppError(nil) != nil {
		t.Error("nil error must map to nil")
	}
}

// keyedTestError is a domain error that names its own key.
type keyedTestError struct{}

func (keyedTestError) Error() string { return "template token missing" }
func (keyedTestError) ErrorKey() (string, string, map[string]string) {
	return "template_unfilled", "errors.templates.unfilled", map[string]string{"tokens": "first_name"}
}

func TestToAppErrorUsesKeyedErrors(t *testing.T) {
	ae := ToAppError(fmt.Errorf("send: %w", keyedTestError{}))
	if ae.Code != "template_unfilled" || ae.Key != "errors.templates.unfilled" || ae.Args["tokens"] != "first_name" {
		t.Fatalf("got %+v", ae)
	}
	if ae.Message != "send: template token missing" {
		t.Fatalf("message %q", ae.Message)
	}
}
