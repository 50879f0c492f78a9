package accounts_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/accounts"
	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/meta/metafake"
	"creatordesk/backend/store"
	"creatordesk/backend/sync"
)

func TestAdviseNamesTheMostPressingStep(t *testing.T) {
	now := t0
	next := now.Add(7 * time.Minute)
	running := sync.AccountState{Running: true, NextRunAt: next, Wait: sync.WaitBackoff}
	cases := []struct {
		name   string
		h      accounts.Health
		renews bool
		want   string
		until  time.Time
	}{
		{"healthy", accounts.Health{Account: store.Account{Status: store.AccountConnected}, Loop: sync.AccountState{Running: true}}, false, accounts.AdviceNone, time.Time{}},
		{"revoked", accounts.Health{Account: store.Account{Status: store.AccountNeedsReconnect}}, false, accounts.AdviceReconnect, time.Time{}},
		{"rate limited", accounts.Health{Account: store.Account{Status: store.AccountConnected},
			Loop: sync.AccountState{Running: true, Wait: sync.WaitRateLimited, NextRunAt: next}}, false, accounts.AdviceWait, next},
		{"one outage", accounts.Health{Account: store.Account{Status: store.AccountError, LastErrorKind: "transient"}, Loop: running, Failures: 1},
			false, accounts.AdviceRetrying, next},
		{"a server that keeps failing", accounts.Health{Account: store.Account{Status: store.AccountError, LastErrorKind: "transient", BaseURL: "https://social.example"},
			Loop: running, Failures: 5}, false, accounts.AdviceCheckAddress, time.Time{}},
		{"the platform keeps failing", accounts.Health{Account: store.Account{Status: store.AccountError, LastErrorKind: "transient"},
			Loop: running, Failures: 5}, false, accounts.AdviceCheckConnection, time.Time{}},
		{"locked keyring", accounts.Health{Account: store.Account{Status: store.AccountError, LastErrorKind: "keyring_locked"}}, false, accounts.AdviceUnlockKeyring, time.Time{}},
		{"another bot client", accounts.Health{Account: store.Account{Status: store.AccountError, LastErrorKind: "conflict"}}, false, accounts.AdviceOtherClient, time.Time{}},
		{"token lapses soon", accounts.Health{Account: store.Account{Status: store.AccountConnected, TokenExpiresAt: now.Add(72 * time.Hour).UnixMilli()},
			Loop: sync.AccountState{Running: true}}, false, accounts.AdviceReconnectSoon, now.Add(72 * time.Hour)},
		{"token renewed by CreatorDesk", accounts.Health{Account: store.Account{Status: store.AccountConnected, TokenExpiresAt: now.Add(72 * time.Hour).UnixMilli()},
			Loop: sync.AccountState{Running: true}}, true, accounts.AdviceNone, time.Time{}},
		{"an archive", accounts.Health{Account: store.Account{Status: store.AccountImported}}, false, accounts.AdviceNone, time.Time{}},
	}
	for _, c := range cases {
		got, until := accounts.Advise(c.h, c.renews, now)
		if got != c.want || !until.Equal(c.until) {
			t.Errorf("%s: Advise = %s %v, want %s %v", c.name, got, until, c.want, c.until)
		}
	}
}

func TestHealthJoinsTheAccountCountersAndTheLoop(t *testing.T) {
	f := newFixture(t)
	for i := 0; i < 3; i++ {
		conv := f.fake.AddConversation(metafake.Instagram, metafake.Person{ID: fmt.Sprint("IGSID", i), Username: fmt.Sprint("fan", i)})
		f.fake.AddMessage(conv, "Salut!", t0.Add(-time.Duration(i+1)*time.Minute), false)
	}
	acc := f.connect(t)
	ctx := context.Background()
	if st, err := f.eng.SyncOnce(ctx, acc.ID); err != nil || st.Inserted == 0 {
		t.Fatalf("first sync: %+v %v", st, err)
	}
	f.svc.Sync = f.eng
	list, err := f.svc.Health(ctx, func(p string) bool { return p == "instagram" })
	if err != nil || len(list) != 1 {
		t.Fatalf("Health = %v, %v", list, err)
	}
	h := list[0]
	if h.Account.ID != acc.ID || h.ItemsLast24h != h.Account.ItemsSynced || h.ItemsLast24h == 0 || h.Advice != accounts.AdviceNone {
		t.Fatalf("health %+v", h)
	}
	if h.Loop.Running {
		t.Fatal("no loop was started, yet the health says one runs")
	}
}

func TestUpdateSettingsSetsTheTelegramChannelWithAnAuditEntry(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{Now: func() time.Time { return t0 }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	ctx := context.Background()
	acc := store.Account{Platform: "telegram", Name: "bot", ExternalID: "1"}
	if err := st.CreateAccount(ctx, &acc); err != nil {
		t.Fatal(err)
	}
	svc := &accounts.Service{Store: st, Registry: platforms.Registry{}}
	got, err := svc.UpdateSettings(ctx, accounts.SettingsRequest{AccountID: acc.ID, Settings: map[string]string{"channel": " @glazeandco "}, Actor: "mira"})
	if err != nil || got.Extra()["channel"] != "@glazeandco" {
		t.Fatalf("UpdateSettings = %+v, %v", got, err)
	}
	events, _ := st.AuditEvents(ctx, "account", "1", 10)
	if len(events) == 0 || events[0].Action != "account.settings_changed" || events[0].Actor != "mira" ||
		!strings.Contains(events[0].AfterJSON, "@glazeandco") {
		t.Fatalf("audit %+v", events)
	}
	var se *accounts.SettingError
	if _, err := svc.UpdateSettings(ctx, accounts.SettingsRequest{AccountID: acc.ID, Settings: map[string]string{"channel": "glaze"}}); !errors.As(err, &se) || se.NotEditable {
		t.Fatalf("a bad channel: %v", err)
	}
	if _, err := svc.UpdateSettings(ctx, accounts.SettingsRequest{AccountID: acc.ID, Settings: map[string]string{"page_id": "1"}}); !errors.As(err, &se) || !se.NotEditable {
		t.Fatalf("a setting that is not editable: %v", err)
	}
	// Clearing the channel removes it.
	got, err = svc.UpdateSettings(ctx, accounts.SettingsRequest{AccountID: acc.ID, Settings: map[string]string{"channel": ""}})
	if _, ok := got.Extra()["channel"]; err != nil || ok {
		t.Fatalf("clearing: %+v %v", got.Extra(), err)
	}
}

func TestConnectRefusesAWrongChannel(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{Now: func() time.Time { return t0 }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	reg := platforms.Registry{"telegram": func(platforms.Credentials) (platforms.Connector, error) {
		t.Fatal("the platform was asked before the channel was checked")
		return nil, nil
	}}
	svc := &accounts.Service{Store: st, Registry: reg}
	_, err = svc.Connect(context.Background(), accounts.ConnectRequest{Platform: "telegram", Token: "x", Extra: map[string]string{"channel": "not a channel"}})
	var se *accounts.SettingError
	if !errors.As(err, &se) || se.Setting != "channel" {
		t.Fatalf("Connect = %v, want a channel SettingError", err)
	}
}
