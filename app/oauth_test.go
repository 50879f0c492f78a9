package app

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/oauth/oauthfake"
	"creatordesk/backend/platforms/youtube"
	"creatordesk/backend/platforms/youtube/youtubefake"
	"creatordesk/backend/secrets"
	"creatordesk/backend/workspace"
)

// browserRecorder is a Runtime that records events and "opens the browser"
// with an HTTP GET that follows the redirects, as a browser would.
type browserRecorder struct {
	recorder
	opened []string
}

func (b *browserRecorder) OpenURL(_ context.Context, url string) error {
	b.mu.Lock()
	b.opened = append(b.opened, url)
	b.mu.Unlock()
	go func() {
		if resp, err := http.Get(url); err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}()
	return nil
}

func TestYouTubeConnectSyncReplyThroughTheOAuthFacade(t *testing.T) {
	auth := oauthfake.New("/o").Start()
	t.Cleanup(auth.Close)
	auth.AddClient(oauthfake.Client{ID: "7-desktop.apps.googleusercontent.com", Secret: "GOCSPX-app"})
	api := youtubefake.New("unused")
	base := api.Start()
	t.Cleanup(api.Close)
	api.AcceptTokens(func(tok string) bool {
		scope, ok := auth.ValidAccess(tok)
		return ok && strings.Contains(scope, youtube.Scope)
	})
	api.AddVideo("vid1", "Glazing day")
	api.AddThread("vid1", youtubefake.Comment{Author: youtubefake.Channel{ID: "UCfanfanfanfanfanfanfan1", Title: "Fan"}, Text: "Which glaze is this?", At: time.Now().Add(-time.Hour)})

	cfg := workspace.Config{Dir: filepath.Join(t.TempDir(), "ws"), Vault: secrets.NewMemory()}
	ws, err := workspace.Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := NewSession(ws, false, cfg)
	rt := &browserRecorder{}
	s.SetRuntime(rt)
	t.Cleanup(func() { _ = s.Close() })
	oa, inboxAPI := NewOAuth(s), NewInbox(s)

	// A missing secret is a translated error before any browser opens.
	if _, err := oa.Start(OAuthStartRequest{Platform: "youtube", ClientID: "7-desktop.apps.googleusercontent.com"}); ToAppError(err).Key != "errors.connectors.appCredentials" {
		t.Fatalf("no secret: %v", err)
	}
	flow, err := oa.Start(OAuthStartRequest{Platform: "youtube", ClientID: "7-desktop.apps.googleusercontent.com", ClientSecret: "GOCSPX-app",
		BaseURL: base, AuthURL: auth.AuthURL(), TokenURL: auth.TokenURL(), Name: "Brand channel"})
	if err != nil {
		t.Fatal(err)
	}
	if flow.State != "waiting" || !flow.BrowserOpened || flow.ID == "" || flow.StartedAt == "" {
		t.Fatalf("start: %+v", flow)
	}
	waitFor(t, "the sign-in to finish", func() bool {
		flow, _ = oa.Status(flow.ID)
		return flow.State != "waiting" && flow.State != "connecting"
	})
	if flow.State != "done" || flow.Account == nil || flow.Account.Platform != "youtube" || flow.Account.Name != "Brand channel" || flow.Error != nil {
		t.Fatalf("end: %+v", flow)
	}
	waitFor(t, "the oauth:flow event", func() bool { return rt.count(EventOAuthFlow) == 1 })
	if c, _ := oa.SavedClient("google"); c.ClientID != "7-desktop.apps.googleusercontent.com" || !c.HasSecret {
		t.Fatalf("saved client %+v", c)
	}

	var page ConversationPage
	waitFor(t, "the synced comment thread", func() bool {
		page, _ = inboxAPI.ListConversations(ConversationQuery{Limit: 50})
		return len(page.Items) == 1
	})
	m, err := inboxAPI.Reply(page.Items[0].ID, "It is our celadon glaze.")
	if err != nil || m.State != "sent" {
		t.Fatalf("reply %+v %v", m, err)
	}
	if sent := api.Sent(); len(sent) != 1 || sent[0].Text != "It is our celadon glaze." {
		t.Fatalf("sent %+v", sent)
	}

	// A declined sign-in ends translated; Cancel on it is a no-op.
	auth.SetDecision(oauthfake.Deny)
	flow, err = oa.Start(OAuthStartRequest{Platform: "youtube", ClientID: "7-desktop.apps.googleusercontent.com",
		BaseURL: base, AuthURL: auth.AuthURL(), TokenURL: auth.TokenURL()}) // the saved secret is used
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the declined sign-in", func() bool {
		flow, _ = oa.Status(flow.ID)
		return flow.State == "failed"
	})
	if flow.Error == nil || flow.Error.Key != "errors.oauth.denied" {
		t.Fatalf("denied: %+v", flow.Error)
	}
	if got, err := oa.Cancel(flow.ID); err != nil || got.State != "failed" {
		t.Fatalf("cancel after the end: %+v %v", got, err)
	}
	if _, err := oa.Status("missing"); ToAppError(err).Key != "errors.oauth.unknownFlow" {
		t.Fatalf("unknown flow: %v", err)
	}
}

func TestOAuthWithoutABrowserShowsTheLink(t *testing.T) {
	s, _, _, _ := newSession(t) // its recorder cannot open a browser
	auth := oauthfake.New("/o").Start()
	t.Cleanup(auth.Close)
	auth.AddClient(oauthfake.Client{ID: "c", Secret: "s"})
	oa := NewOAuth(s)
	flow, err := oa.Start(OAuthStartRequest{Platform: "youtube", ClientID: "c", ClientSecret: "s", AuthURL: auth.AuthURL(), TokenURL: auth.TokenURL()})
	if err != nil {
		t.Fatal(err)
	}
	if flow.BrowserOpened || !strings.HasPrefix(flow.AuthURL, auth.AuthURL()+"?") {
		t.Fatalf("flow %+v", flow)
	}
	flow, err = oa.Cancel(flow.ID)
	if err != nil || flow.State != "canceled" || flow.Error == nil || flow.Error.Key != "errors.oauth.canceled" {
		t.Fatalf("cancel: %+v %v", flow, err)
	}
}
