package connect_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/accounts"
	"creatordesk/backend/events"
	"creatordesk/backend/oauth"
	"creatordesk/backend/oauth/connect"
	"creatordesk/backend/oauth/oauthfake"
	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/mastodon"
	"creatordesk/backend/platforms/mastodon/mastodonfake"
	"creatordesk/backend/platforms/youtube"
	"creatordesk/backend/platforms/youtube/youtubefake"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
	"creatordesk/backend/sync"
)

const (
	clientID     = "42-desktop.apps.googleusercontent.com"
	clientSecret = "GOCSPX-test-secret"
)

type fixture struct {
	auth  *oauthfake.Server
	api   *youtubefake.Server
	base  string
	store *store.Store
	vault *secrets.Memory
	svc   *accounts.Service
	eng   *sync.Engine
	mgr   *connect.Manager
	// browse controls the opener: true follows the redirect like a browser.
	browse bool
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{browse: true}
	f.auth = oauthfake.New("/o").Start()
	t.Cleanup(f.auth.Close)
	f.auth.AddClient(oauthfake.Client{ID: clientID, Secret: clientSecret})
	f.api = youtubefake.New("unused")
	f.base = f.api.Start()
	t.Cleanup(f.api.Close)
	f.api.AcceptTokens(func(tok string) bool {
		scope, ok := f.auth.ValidAccess(tok)
		return ok && strings.Contains(scope, youtube.Scope)
	})
	st, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	f.store, f.vault = st, secrets.NewMemory()
	reg := platforms.Registry{youtube.Platform: youtube.NewOAuth, mastodon.Platform: mastodon.New}
	f.eng = &sync.Engine{Store: st, Vault: f.vault, Bus: events.New(), WorkspaceID: "ws", Registry: reg,
		Sleep: func(ctx context.Context, d time.Duration) error { return ctx.Err() }}
	f.svc = &accounts.Service{Store: st, Vault: f.vault, Registry: reg, WorkspaceID: "ws",
		TokenFormat: map[string]func(string) bool{youtube.Platform: youtube.ValidSecretFormat}}
	f.mgr = &connect.Manager{Accounts: func() *accounts.Service { return f.svc }, Open: f.open, Timeout: 10 * time.Second}
	t.Cleanup(f.mgr.Close)
	return f
}

// open is the test's browser: an HTTP GET that follows the redirect.
func (f *fixture) open(_ context.Context, authURL string) error {
	if !f.browse {
		return errors.New("no browser here")
	}
	go func() {
		if resp, err := http.Get(authURL); err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}()
	return nil
}

func (f *fixture) youtubeRequest() connect.Request {
	return connect.Request{Platform: youtube.Platform, ClientID: clientID, ClientSecret: clientSecret, BaseURL: f.base,
		AuthURL: f.auth.AuthURL(), TokenURL: f.auth.TokenURL(), Actor: "me"}
}

func wait(t *testing.T, m *connect.Manager, id string) connect.Status {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	st, err := m.Wait(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestYouTubeConnectSyncReplyAndReconnect(t *testing.T) {
	f := newFixture(t)
	thread := f.api.AddThread("vid1", youtubefake.Comment{Author: youtubefake.Channel{ID: "UCfanfanfanfanfanfanfan1", Title: "Fan"}, Text: "Love the glaze!", At: time.Now().Add(-time.Hour)})
	f.api.AddVideo("vid1", "Glazing day")

	st, err := f.mgr.Start(context.Background(), f.youtubeRequest())
	if err != nil {
		t.Fatal(err)
	}
	if st.State != connect.Waiting || !strings.HasPrefix(st.AuthURL, f.auth.AuthURL()) || !st.BrowserOpened {
		t.Fatalf("start: %+v", st)
	}
	st = wait(t, f.mgr, st.ID)
	if st.State != connect.Done || st.Err != nil || st.AccountID == 0 {
		t.Fatalf("end: %+v", st)
	}
	acc, err := f.store.AccountByID(context.Background(), st.AccountID)
	if err != nil || acc.Platform != youtube.Platform || acc.ExternalID != f.api.Self.ID {
		t.Fatalf("account %+v %v", acc, err)
	}
	// The database holds the client id only; the keyring holds the refresh
	// token with the secret.
	if acc.Extra()[youtube.ExtraClientID] != clientID || strings.Contains(acc.Settings, clientSecret) {
		t.Fatalf("account settings %q", acc.Settings)
	}
	kept, _ := f.vault.Get(context.Background(), secrets.AccountTokenKey("ws", acc.ID))
	sec, ok := youtube.DecodeOAuthSecret(kept)
	if !ok || sec.ClientSecret != clientSecret || sec.RefreshToken == "" {
		t.Fatal("the keyring entry is not the refresh token with the client secret")
	}
	if id, secret, _ := f.svc.AppCredentials(context.Background(), "google"); id != clientID || secret != clientSecret {
		t.Fatal("the client was not saved for the next connect")
	}

	// Sync, then reply through the connector the engine builds.
	f.eng.StopAccount(acc.ID)
	if _, err := f.eng.SyncOnce(context.Background(), acc.ID); err != nil {
		t.Fatalf("sync: %v", err)
	}
	convs, _, err := f.store.Conversations(context.Background(), store.ConversationFilter{}, store.ConversationCursor{}, 50)
	if err != nil || len(convs) != 1 || convs[0].ExternalID != thread {
		t.Fatalf("synced conversations %+v %v", convs, err)
	}
	conv := convs[0]
	conn, _, err := f.eng.Connector(context.Background(), acc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: conv.ExternalID, ThreadKind: platforms.ThreadComment, Text: "Thank you!"}); err != nil {
		t.Fatalf("reply: %v", err)
	}
	if sent := f.api.Sent(); len(sent) != 1 || sent[0].Text != "Thank you!" {
		t.Fatalf("sent %+v", sent)
	}
	h, ok := conn.(platforms.HeadroomReporter).Headroom()
	if !ok || h.Kind != "quota" || h.Used < 50 || h.Limit != youtube.DefaultDailyQuota {
		t.Fatalf("headroom %+v", h)
	}

	// The person removes the access in Google: the account needs reconnecting.
	for _, rt := range f.auth.RefreshTokens() {
		f.auth.RevokeRefresh(rt)
	}
	if _, err := conn.Verify(context.Background()); platforms.KindOf(err) != platforms.KindAuth {
		t.Fatalf("after revoke: %v", err)
	}
	// Reconnect: same client (its secret found with the account), same channel.
	req := connect.Request{Platform: youtube.Platform, AccountID: acc.ID, AuthURL: f.auth.AuthURL(), Actor: "me"}
	st, err = f.mgr.Start(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if st = wait(t, f.mgr, st.ID); st.State != connect.Done || st.AccountID != acc.ID {
		t.Fatalf("reconnect: %+v", st)
	}
	if err := f.vault.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	fresh, _ := f.vault.Get(context.Background(), secrets.AccountTokenKey("ws", acc.ID))
	if fresh == kept {
		t.Fatal("the reconnect did not keep the new refresh token")
	}
	// Another client id on reconnect is refused before the browser opens.
	req.ClientID = "other-client"
	if _, err := f.mgr.Start(context.Background(), req); !errors.Is(err, connect.ErrClientMismatch) {
		t.Fatalf("other client: %v", err)
	}
}

func TestYouTubeFlowFailures(t *testing.T) {
	f := newFixture(t)
	f.auth.SetDecision(oauthfake.Deny)
	st, _ := f.mgr.Start(context.Background(), f.youtubeRequest())
	if st = wait(t, f.mgr, st.ID); st.State != connect.Failed || !errors.Is(st.Err, oauth.ErrAccessDenied) {
		t.Fatalf("denied: %+v", st)
	}

	// No browser could be opened: the flow waits, the status says so, and
	// a second Start replaces it.
	f.auth.SetDecision(oauthfake.Approve)
	f.browse = false
	first, err := f.mgr.Start(context.Background(), f.youtubeRequest())
	if err != nil || first.BrowserOpened {
		t.Fatalf("first: %+v %v", first, err)
	}
	second, _ := f.mgr.Start(context.Background(), f.youtubeRequest())
	if st := wait(t, f.mgr, first.ID); st.State != connect.Canceled {
		t.Fatalf("replaced flow: %+v", st)
	}
	if st, _ := f.mgr.Cancel(second.ID); st.State != connect.Canceled || !errors.Is(st.Err, oauth.ErrCanceled) {
		t.Fatalf("canceled: %+v", st)
	}
	if _, err := f.mgr.Status("nope"); !errors.Is(err, connect.ErrUnknownFlow) {
		t.Fatalf("unknown: %v", err)
	}

	// A wrong client secret: Google refuses the exchange.
	f.browse = true
	bad := f.youtubeRequest()
	bad.ClientSecret = "wrong"
	st, _ = f.mgr.Start(context.Background(), bad)
	if st = wait(t, f.mgr, st.ID); st.State != connect.Failed || !errors.Is(st.Err, oauth.ErrInvalidClient) {
		t.Fatalf("wrong secret: %+v", st)
	}
	// Nothing was kept by the failures.
	if list, _ := f.store.Accounts(context.Background(), true); len(list) != 0 {
		t.Fatalf("accounts after failures: %+v", list)
	}
	// A missing secret is refused at once.
	miss := f.youtubeRequest()
	miss.ClientSecret = ""
	if _, err := f.mgr.Start(context.Background(), miss); !errors.Is(err, accounts.ErrAppCredentials) {
		t.Fatalf("no secret: %v", err)
	}
	if _, err := f.mgr.Start(context.Background(), connect.Request{Platform: "telegram"}); !errors.Is(err, connect.ErrNotBrowserPlatform) {
		t.Fatalf("telegram: %v", err)
	}
}

func TestMastodonConnectThroughTheBrowser(t *testing.T) {
	f := newFixture(t)
	srv := mastodonfake.New("masto-token")
	base := srv.Start()
	t.Cleanup(srv.Close)
	st, err := f.mgr.Start(context.Background(), connect.Request{Platform: mastodon.Platform, BaseURL: base, Actor: "me"})
	if err != nil {
		t.Fatal(err)
	}
	if st = wait(t, f.mgr, st.ID); st.State != connect.Done {
		t.Fatalf("mastodon: %+v", st)
	}
	acc, _ := f.store.AccountByID(context.Background(), st.AccountID)
	if acc.Platform != mastodon.Platform || acc.BaseURL != base {
		t.Fatalf("account %+v", acc)
	}
	if tok, _ := f.vault.Get(context.Background(), secrets.AccountTokenKey("ws", acc.ID)); tok != "masto-token" {
		t.Fatal("the issued access token is not the account's token")
	}
	if apps := srv.Apps(); len(apps) != 1 || !strings.HasPrefix(apps[0].RedirectURIs[0], "http://127.0.0.1:") {
		t.Fatalf("apps %+v", apps)
	}
}

// redirectPort is the loopback address of a flow's redirect URI.
func redirectAddr(t *testing.T, authURL string) string {
	t.Helper()
	u, err := url.Parse(authURL)
	if err != nil {
		t.Fatal(err)
	}
	r, err := url.Parse(u.Query().Get("redirect_uri"))
	if err != nil || r.Host == "" {
		t.Fatalf("redirect_uri in %s", authURL)
	}
	return r.Host
}

// refusedSoon waits until nothing accepts connections at addr.
func refusedSoon(t *testing.T, addr string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			return
		}
		_ = c.Close()
		if time.Now().After(deadline) {
			t.Fatalf("%s still accepts connections", addr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestFlowEndsWhenItsWorkspaceCloses(t *testing.T) {
	f := newFixture(t)
	f.browse = false // the person never comes back from the browser
	wsCtx, closeWorkspace := context.WithCancel(context.Background())
	req := f.youtubeRequest()
	req.Until = wsCtx
	st, err := f.mgr.Start(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	addr := redirectAddr(t, st.AuthURL)
	if c, err := net.DialTimeout("tcp", addr, time.Second); err != nil {
		t.Fatalf("the listener is not up while waiting: %v", err)
	} else {
		_ = c.Close()
	}
	closeWorkspace()
	if st = wait(t, f.mgr, st.ID); st.State != connect.Canceled || !errors.Is(st.Err, oauth.ErrCanceled) {
		t.Fatalf("after the workspace closed: %+v", st)
	}
	refusedSoon(t, addr)
	// A browser coming back late finds nobody listening, and nothing is connected.
	if list, _ := f.store.Accounts(context.Background(), true); len(list) != 0 {
		t.Fatalf("accounts: %+v", list)
	}
}

func TestCanceledFlowStopsListening(t *testing.T) {
	f := newFixture(t)
	f.browse = false
	st, err := f.mgr.Start(context.Background(), f.youtubeRequest())
	if err != nil {
		t.Fatal(err)
	}
	addr := redirectAddr(t, st.AuthURL)
	if st, _ = f.mgr.Cancel(st.ID); st.State != connect.Canceled {
		t.Fatalf("cancel: %+v", st)
	}
	refusedSoon(t, addr)
	// Close (the app quitting) ends a waiting flow the same way.
	st, _ = f.mgr.Start(context.Background(), f.youtubeRequest())
	addr = redirectAddr(t, st.AuthURL)
	f.mgr.Close()
	if st, _ = f.mgr.Status(st.ID); st.State != connect.Canceled {
		t.Fatalf("after Close: %+v", st)
	}
	refusedSoon(t, addr)
}
