package accounts_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"creatordesk/backend/accounts"
	"creatordesk/backend/events"
	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/meta"
	"creatordesk/backend/platforms/meta/metafake"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
	"creatordesk/backend/sync"
)

const igToken = "IGQVJaccounts-test-token"

var t0 = time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)

type fixture struct {
	fake  *metafake.Server
	url   string
	store *store.Store
	vault *secrets.Memory
	svc   *accounts.Service
	eng   *sync.Engine
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	fake := metafake.New()
	fake.Clock.Set(t0)
	fake.AddToken(igToken, metafake.Instagram, 60*24*time.Hour)
	url := fake.Start()
	t.Cleanup(fake.Close)
	st, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{Now: fake.Clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	factory := meta.NewFactory(meta.Options{Now: fake.Clock.Now, Sleep: func(ctx context.Context, d time.Duration) error {
		fake.Clock.Advance(d)
		return ctx.Err()
	}})
	reg := platforms.Registry{meta.PlatformInstagram: factory.Instagram, meta.PlatformFacebook: factory.Facebook}
	vault := secrets.NewMemory()
	eng := &sync.Engine{Store: st, Vault: vault, Bus: events.New(), WorkspaceID: "ws", Registry: reg,
		Sleep: func(ctx context.Context, d time.Duration) error { fake.Clock.Advance(d); return ctx.Err() }}
	return &fixture{fake: fake, url: url, store: st, vault: vault, eng: eng,
		svc: &accounts.Service{Store: st, Vault: vault, Registry: reg, WorkspaceID: "ws"}}
}

func (f *fixture) connect(t *testing.T) store.Account {
	t.Helper()
	acc, err := f.svc.Connect(context.Background(), accounts.ConnectRequest{Platform: meta.PlatformInstagram, Token: igToken, BaseURL: f.url, Actor: "me"})
	if err != nil {
		t.Fatal(err)
	}
	return acc
}

func TestConnectInstagramKeepsTheTokenInTheVaultOnly(t *testing.T) {
	f := newFixture(t)
	acc := f.connect(t)
	if acc.ExternalID != f.fake.IG.ID || acc.Handle != "glazeco" || acc.Name != "Glaze & Co." {
		t.Errorf("account = %+v", acc)
	}
	tok, err := f.vault.Get(context.Background(), secrets.AccountTokenKey("ws", acc.ID))
	if err != nil || tok != igToken {
		t.Errorf("vault token = %q, %v (a token younger than a day is kept as pasted)", tok, err)
	}
	if acc.TokenExpiresAt != 0 {
		t.Errorf("expiry = %d, want unknown until the first renewal", acc.TokenExpiresAt)
	}
}

func TestConnectRenewsAnOlderTokenAndRecordsItsExpiry(t *testing.T) {
	f := newFixture(t)
	f.fake.SetTokenIssued(igToken, t0.Add(-30*24*time.Hour))
	acc := f.connect(t)
	tok, _ := f.vault.Get(context.Background(), secrets.AccountTokenKey("ws", acc.ID))
	if tok == igToken || tok == "" {
		t.Errorf("vault token = %q, want the renewed one", tok)
	}
	if want := t0.Add(60 * 24 * time.Hour).UnixMilli(); acc.TokenExpiresAt != want {
		t.Errorf("expiry = %d, want %d", acc.TokenExpiresAt, want)
	}
	stored, _ := f.store.AccountByID(context.Background(), acc.ID)
	if stored.TokenExpiresAt != acc.TokenExpiresAt {
		t.Errorf("stored expiry = %d, want %d", stored.TokenExpiresAt, acc.TokenExpiresAt)
	}
}

func TestExpiredTokenNeedsReconnectAndReconnectResumes(t *testing.T) {
	f := newFixture(t)
	conv := f.fake.AddConversation(metafake.Instagram, metafake.Person{ID: "IGSID1", Username: "ana"})
	f.fake.AddMessage(conv, "Bună!", t0.Add(-time.Minute), false)
	acc := f.connect(t)
	ctx := context.Background()
	if _, err := f.eng.SyncOnce(ctx, acc.ID); err != nil {
		t.Fatal(err)
	}
	// The token lapses: the account needs reconnecting.
	f.fake.Clock.Advance(61 * 24 * time.Hour)
	if _, err := f.eng.SyncOnce(ctx, acc.ID); platforms.KindOf(err) != platforms.KindAuth {
		t.Fatalf("sync with an expired token: %v", err)
	}
	if got, _ := f.store.AccountByID(ctx, acc.ID); got.Status != store.AccountNeedsReconnect {
		t.Fatalf("status = %s, want needs_reconnect", got.Status)
	}
	// A token of another account is refused and changes nothing.
	f.fake.AddToken("IGQVJother", metafake.Instagram, 0)
	f.fake.IG.ID = "17841499999999999"
	_, err := f.svc.Reconnect(ctx, accounts.ReconnectRequest{AccountID: acc.ID, Token: "IGQVJother"})
	if !errors.Is(err, accounts.ErrDifferentAccount) {
		t.Fatalf("reconnect with another account's token: %v", err)
	}
	if tok, _ := f.vault.Get(ctx, secrets.AccountTokenKey("ws", acc.ID)); tok != igToken {
		t.Error("a refused reconnect replaced the token")
	}
	f.fake.IG.ID = acc.ExternalID
	f.fake.AddToken("IGQVJnew", metafake.Instagram, 60*24*time.Hour)
	got, err := f.svc.Reconnect(ctx, accounts.ReconnectRequest{AccountID: acc.ID, Token: " IGQVJnew\n", Actor: "me"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != store.AccountConnected {
		t.Errorf("status = %s", got.Status)
	}
	f.fake.AddMessage(conv, "Mai e în stoc?", f.fake.Clock.Now(), false)
	st, err := f.eng.SyncOnce(ctx, acc.ID)
	if err != nil || st.Inserted != 1 {
		t.Errorf("sync after reconnect: %+v, %v (want the one new message)", st, err)
	}
}

func TestSyncWaitsOutThrottlingThenSucceeds(t *testing.T) {
	f := newFixture(t)
	for i := 0; i < 3; i++ {
		c := f.fake.AddConversation(metafake.Instagram, metafake.Person{ID: "IGSID" + string(rune('a'+i)), Username: "fan"})
		f.fake.AddMessage(c, "hi", t0.Add(-time.Duration(i+1)*time.Minute), false)
	}
	acc := f.connect(t)
	f.fake.UsageLimit = f.fake.Calls() + 2 // the sync's third call is throttled
	f.fake.RegainMinutes = 1
	before := f.fake.Clock.Now()
	st, err := f.eng.SyncOnce(context.Background(), acc.ID)
	if err != nil {
		t.Fatalf("sync: %v", err)
	}
	if st.Inserted != 3 {
		t.Errorf("inserted %d, want 3", st.Inserted)
	}
	// The engine waited (on the fake's clock) until the usage window reset.
	if waited := f.fake.Clock.Now().Sub(before); waited < time.Hour-time.Minute {
		t.Errorf("waited %v, want about the usage window's hour", waited)
	}
	if got, _ := f.store.AccountByID(context.Background(), acc.ID); got.Status != store.AccountConnected {
		t.Errorf("status after throttling = %s", got.Status)
	}
}

func TestRefreshDueRenewsExpiringTokens(t *testing.T) {
	f := newFixture(t)
	acc := f.connect(t)
	ctx := context.Background()
	// Too new to renew: left for the next run.
	res, err := f.svc.RefreshDue(ctx)
	if err != nil || res.Refreshed != 0 || res.Failed != 1 {
		t.Fatalf("first run = %+v, %v", res, err)
	}
	f.fake.Clock.Advance(2 * 24 * time.Hour)
	res, err = f.svc.RefreshDue(ctx)
	if err != nil || res.Refreshed != 1 {
		t.Fatalf("second run = %+v, %v", res, err)
	}
	tok, _ := f.vault.Get(ctx, secrets.AccountTokenKey("ws", acc.ID))
	if tok == igToken {
		t.Error("the vault still holds the old token")
	}
	audit, _ := f.store.AuditEvents(ctx, "account", fmt.Sprint(acc.ID), 50)
	found := false
	for _, a := range audit {
		if a.Action == "account.token_refreshed" {
			found = true
		}
	}
	if !found {
		t.Error("no audit entry for the renewal")
	}
}

func TestAppCredentialsAreKeptInTheVault(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if err := f.svc.SetAppCredentials(ctx, "meta", "1234567890", "", "me"); !errors.Is(err, accounts.ErrAppCredentials) {
		t.Errorf("missing secret: %v", err)
	}
	if err := f.svc.SetAppCredentials(ctx, "meta", " 1234567890 ", "s3cr3t", "me"); err != nil {
		t.Fatal(err)
	}
	id, secret, err := f.svc.AppCredentials(ctx, "meta")
	if err != nil || id != "1234567890" || secret != "s3cr3t" {
		t.Errorf("app credentials = %q %q %v", id, secret, err)
	}
	if v, _ := f.vault.Get(ctx, "ws/app/meta/app_secret"); v != "s3cr3t" {
		t.Error("the secret is not in its own vault entry")
	}
	if err := f.svc.ForgetAppCredentials(ctx, "meta", "me"); err != nil {
		t.Fatal(err)
	}
	if id, _, _ := f.svc.AppCredentials(ctx, "meta"); id != "" {
		t.Error("forget left the app id")
	}
}
