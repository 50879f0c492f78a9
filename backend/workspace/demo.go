package workspace

import (
	"context"
	"fmt"
	"os"
	"time"

	"creatordesk/backend/accounts"
	"creatordesk/backend/demo"
	"creatordesk/backend/platforms/bluesky"
	"creatordesk/backend/platforms/mastodon"
	"creatordesk/backend/platforms/meta"
	"creatordesk/backend/platforms/telegram"
	"creatordesk/backend/secrets"
)

// DemoActor is the audit actor of the demo's own setup steps.
const DemoActor = "demo"

// OpenDemo creates a throwaway workspace (in cfg.Dir, or a new temp dir when it
// is empty), starts the fake platforms, connects the demo account through the
// normal connect flow (its token goes into cfg.Vault), and runs a first sync so
// the inbox is full when the window shows. Without a usable keyring the demo's
// fake token is kept in memory instead. Close removes the demo's keyring
// entries, and the temp dir when OpenDemo made it.
func OpenDemo(cfg Config) (*Workspace, error) {
	madeDir := false
	if cfg.Dir == "" {
		dir, err := os.MkdirTemp("", "creatordesk-demo-")
		if err != nil {
			return nil, err
		}
		cfg.Dir, madeDir = dir, true
	}
	if cfg.Vault == nil || cfg.Vault.Check(context.Background()) != nil {
		// The demo's token only opens a local fake server: keep it in memory rather
		// than refusing to show the demo on a machine without a usable keyring.
		cfg.Vault = secrets.NewMemory()
	}
	now := time.Now
	if cfg.Now != nil {
		now = cfg.Now
	}
	d := demo.Start(now(), 2026)
	w, err := Open(cfg)
	if err != nil {
		d.Close()
		return nil, err
	}
	w.onClose = append(w.onClose, d.Close)
	if madeDir {
		w.onClose = append(w.onClose, func() { _ = os.RemoveAll(cfg.Dir) })
	}
	if err := w.connectDemo(d); err != nil {
		_ = w.Close()
		return nil, err
	}
	if err := w.offerDemoGoogle(d); err != nil {
		_ = w.Close()
		return nil, err
	}
	if err := w.seedDemoModules(); err != nil {
		_ = w.Close()
		return nil, err
	}
	if err := d.WriteInfo(cfg.Dir); err != nil {
		_ = w.Close()
		return nil, err
	}
	w.Log.Info(d.String())
	return w, nil
}

// connectDemo connects the demo's accounts through the normal connect flow and syncs each once.
func (w *Workspace) connectDemo(d *demo.Demo) error {
	ctx, cancel := context.WithTimeout(w.ctx, time.Minute)
	defer cancel()
	requests := []accounts.ConnectRequest{
		{Platform: telegram.Platform, Token: demo.TelegramToken, Name: "Glaze & Co. (demo)", BaseURL: d.TelegramURL},
		{Platform: mastodon.Platform, Token: demo.MastodonToken, Name: "Glaze & Co. on Mastodon (demo)", BaseURL: d.MastodonURL},
		{Platform: bluesky.Platform, Token: demo.BlueskyAppPassword, Name: "Glaze & Co. on Bluesky (demo)", BaseURL: d.BlueskyURL,
			Extra: map[string]string{accounts.IdentifierKey: demo.BlueskyHandle}},
		{Platform: meta.PlatformInstagram, Token: demo.InstagramToken, Name: "Glaze & Co. on Instagram (demo)", BaseURL: d.InstagramURL},
	}
	for _, req := range requests {
		req.Actor = DemoActor
		acc, err := w.Accounts.Connect(ctx, req)
		if err != nil {
			return fmt.Errorf("demo: connect %s: %w", req.Platform, err)
		}
		// The loop Connect started would race the first sync for the same stream;
		// stop it, fill the inbox in one go, then let the loop take over.
		w.Engine.StopAccount(acc.ID)
		if _, err := w.Engine.SyncOnce(ctx, acc.ID); err != nil {
			return fmt.Errorf("demo: first sync of %s: %w", req.Platform, err)
		}
		id := acc.ID
		w.onClose = append(w.onClose, func() {
			// Leave nothing of the demo in the keyring.
			_ = w.Accounts.Disconnect(context.Background(), id, DemoActor)
		})
		w.Engine.Start(w.ctx, acc.ID)
	}
	return nil
}

// demoService names the running demo among the workspace's services.
const demoService = "demo"

// Demo returns the fake platforms of a demo workspace (nil for any other).
func (w *Workspace) Demo() *demo.Demo {
	d, _ := w.Service(demoService).(*demo.Demo)
	return d
}

// offerDemoGoogle readies "Connect YouTube" in the demo: the demo's Google
// client is saved as the workspace's Google app (the form offers it), and
// the sign-in goes to the demo's fake Google (see app's OAuth facade). Any
// account connected later in the demo (the YouTube channel) is disconnected
// when the demo closes, so nothing of it stays in the keyring.
func (w *Workspace) offerDemoGoogle(d *demo.Demo) error {
	w.SetService(demoService, d)
	ctx, cancel := context.WithTimeout(w.ctx, 10*time.Second)
	defer cancel()
	if err := w.Accounts.SetAppCredentials(ctx, "google", demo.GoogleClientID, demo.GoogleClientSecret, DemoActor); err != nil {
		return fmt.Errorf("demo: save the Google client: %w", err)
	}
	w.onClose = append(w.onClose, func() {
		ctx := context.Background()
		list, err := w.Store.Accounts(ctx, false)
		if err == nil {
			for _, acc := range list {
				_ = w.Accounts.Disconnect(ctx, acc.ID, DemoActor)
			}
		}
		for _, name := range []string{"app_id", "app_secret"} {
			_ = w.Vault.Delete(ctx, fmt.Sprintf("%s/app/google/%s", w.ID, name)) // accounts.appKey's layout
		}
	})
	return nil
}
