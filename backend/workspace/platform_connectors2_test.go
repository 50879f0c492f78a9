package workspace

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"creatordesk/backend/accounts"
	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/tiktok"
	"creatordesk/backend/platforms/tiktok/tiktokfake"
	"creatordesk/backend/platforms/whatsapp"
	"creatordesk/backend/platforms/whatsapp/whatsappfake"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

func TestWhatsAppAndTikTokAreRegisteredWithTokenChecks(t *testing.T) {
	reg := Registry()
	for _, p := range []string{whatsapp.Platform, tiktok.Platform} {
		if reg[p] == nil {
			t.Fatalf("%s not registered", p)
		}
	}
	formats := TokenFormats()
	if formats[whatsapp.Platform]("short") || !formats[whatsapp.Platform]("EAAGm0PX4ZCpsBAKZCxyzxyzxyzxyzxyzxyzxyzxyzxyz123") {
		t.Error("WhatsApp token check")
	}
	if formats[tiktok.Platform]("has spaces in it") || !formats[tiktok.Platform]("act.abcdefghijklmnopqrstu") {
		t.Error("TikTok token check")
	}
}

func TestConnectWhatsAppAndTikTokAgainstTheirFakes(t *testing.T) {
	t0 := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	vault := secrets.NewMemory()
	w, err := Open(Config{Dir: filepath.Join(t.TempDir(), "ws"), Vault: vault, Now: func() time.Time { return t0 }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = w.Close() })
	ctx := context.Background()

	wa := whatsappfake.New("102290129340398", whatsappfake.Phone{ID: "106540352242922", Display: "+1 555-010-2030", VerifiedName: "Glaze & Co."})
	const waToken = "EAAGm0PX4ZCpsBAKZCxyzxyzxyzxyzxyzxyzxyzxyzxyz123"
	wa.AddToken(waToken, 0)
	waURL := wa.Start()
	t.Cleanup(wa.Close)
	acc, err := w.Accounts.Connect(ctx, accounts.ConnectRequest{Platform: whatsapp.Platform, Token: waToken, BaseURL: waURL,
		Extra: map[string]string{whatsapp.ExtraPhoneNumberID: "106540352242922", whatsapp.ExtraWABAID: "102290129340398"}, Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if acc.ExternalID != "106540352242922" || acc.Status == store.AccountNeedsReconnect {
		t.Fatalf("whatsapp account = %+v", acc)
	}

	tt := tiktokfake.New(tiktokfake.Person{ID: "-000glazeco", Username: "glazeco", Name: "Glaze & Co."})
	tt.Clock.Set(t0)
	tt.AddToken("act.workspace-test-token", 24*time.Hour)
	tt.AddRefreshToken("rft.workspace-test-refresh")
	tt.AddVideo("7300000000000000001", "Spring glaze", t0.Add(-time.Hour))
	tt.AddComment(tiktokfake.Comment{Video: "7300000000000000001", Author: tiktokfake.Person{ID: "u1", Username: "ana"}, Text: "Love it", At: t0.Add(-time.Minute)})
	ttURL := tt.Start()
	t.Cleanup(tt.Close)
	// The app's id and secret, saved the way accounts.SetAppCredentials keeps them, let the token renew at connect.
	_ = vault.Set(ctx, w.ID+"/app/tiktok/app_id", tt.AppID)
	_ = vault.Set(ctx, w.ID+"/app/tiktok/app_secret", tt.AppSecret)
	bundle := tiktok.Token{Access: "act.workspace-test-token", Refresh: "rft.workspace-test-refresh"}.Encode()
	tacc, err := w.Accounts.Connect(ctx, accounts.ConnectRequest{Platform: tiktok.Platform, Token: bundle, BaseURL: ttURL,
		Extra: map[string]string{tiktok.ExtraBusinessID: "-000glazeco"}, Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	w.Engine.StopAccount(tacc.ID)
	stored, err := vault.Get(ctx, secrets.AccountTokenKey(w.ID, tacc.ID))
	if err != nil {
		t.Fatal(err)
	}
	tok, err := tiktok.ParseToken(stored)
	if err != nil || tok.Access == "act.workspace-test-token" || tok.Refresh == "rft.workspace-test-refresh" {
		t.Errorf("the token was not renewed at connect: %+v, %v", tok, err)
	}
	conn, _, err := w.Engine.Connector(ctx, tacc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !platforms.SyncsMessages(conn.Capabilities()) {
		t.Error("TikTok comments must sync")
	}
	if _, err := w.Engine.SyncOnce(ctx, tacc.ID); err != nil {
		t.Fatal(err)
	}
	convs, err := w.Store.Accounts(ctx, false)
	if err != nil || len(convs) != 2 {
		t.Fatalf("accounts = %d, %v", len(convs), err)
	}
}
