package bluesky_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/bluesky"
	"creatordesk/backend/platforms/bluesky/blueskyfake"
)

const appPassword = "abcd-efgh-ijkl-mnop"

var (
	alice = blueskyfake.Profile{DID: "did:plc:alice0000000000000000000", Handle: "alice.test", DisplayName: "Alice"}
	bob   = blueskyfake.Profile{DID: "did:plc:bob000000000000000000000", Handle: "bob.test"}
	carol = blueskyfake.Profile{DID: "did:plc:carol0000000000000000000", Handle: "carol.test", DisplayName: "Carol C"}
	dave  = blueskyfake.Profile{DID: "did:plc:dave00000000000000000000", Handle: "dave.test", DisplayName: "Dave"}
	t0    = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
)

// own is the fake's account.
const ownDID = blueskyfake.DefaultDID

// start runs a fake PDS for the test and returns it with a connector to it
// built from a fresh session pool (so tests never share sessions).
func start(t *testing.T) (*blueskyfake.Server, platforms.Connector) {
	t.Helper()
	srv, base := startFake(t)
	return srv, connect(t, bluesky.NewSessions(nil), base, blueskyfake.DefaultHandle, appPassword)
}

// startFake runs a fake PDS for the test.
func startFake(t *testing.T) (*blueskyfake.Server, string) {
	t.Helper()
	srv := blueskyfake.New(appPassword)
	base := srv.Start()
	t.Cleanup(srv.Close)
	return srv, base
}

// connect builds a connector from sessions, failing the test on error.
func connect(t *testing.T, sessions *bluesky.Sessions, base, identifier, password string) platforms.Connector {
	t.Helper()
	c, err := sessions.New(platforms.Credentials{BaseURL: base, Token: password, Extra: map[string]string{"identifier": identifier}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// closedURL returns the base URL of a server that no longer listens.
func closedURL(t *testing.T) string {
	t.Helper()
	srv := blueskyfake.New(appPassword)
	base := srv.Start()
	srv.Close()
	return base
}

// wantKind fails the test unless err is a bluesky *platforms.Error of kind.
func wantKind(t *testing.T, err error, kind platforms.ErrorKind) *platforms.Error {
	t.Helper()
	var pe *platforms.Error
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T), want *platforms.Error of kind %s", err, err, kind)
	}
	if pe.Kind != kind || pe.Platform != bluesky.Platform {
		t.Fatalf("error %v, want kind %s on %s", err, kind, bluesky.Platform)
	}
	return pe
}

// noSecrets fails the test if s contains the app password or a token the fake issued.
func noSecrets(t *testing.T, srv *blueskyfake.Server, what, s string) {
	t.Helper()
	for _, secret := range append(srv.IssuedTokens(), appPassword, "wrong-pass-word-1234") {
		if strings.Contains(s, secret) {
			t.Fatalf("%s %q contains a secret", what, s)
		}
	}
}

// memStore is a SessionStore in memory.
type memStore struct {
	mu    sync.Mutex
	saved map[string]string
	saves int
	err   error
}

func (m *memStore) LoadSession(_ context.Context, did string) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.err != nil {
		return "", m.err
	}
	return m.saved[did], nil
}

func (m *memStore) SaveSession(_ context.Context, did, refreshJwt string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.err != nil {
		return m.err
	}
	if m.saved == nil {
		m.saved = map[string]string{}
	}
	m.saves++
	if refreshJwt == "" {
		delete(m.saved, did)
	} else {
		m.saved[did] = refreshJwt
	}
	return nil
}

func (m *memStore) get(did string) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.saved[did]
}

func TestNew(t *testing.T) {
	extra := map[string]string{"identifier": "creator.test"}
	tests := []struct {
		name     string
		creds    platforms.Credentials
		wantKind platforms.ErrorKind // empty: no error
	}{
		{"default base URL", platforms.Credentials{Token: appPassword, Extra: extra}, ""},
		{"custom base URL", platforms.Credentials{Token: appPassword, Extra: extra, BaseURL: "http://127.0.0.1:1/"}, ""},
		{"DID identifier", platforms.Credentials{Token: appPassword, Extra: map[string]string{"identifier": ownDID}}, ""},
		{"missing app password", platforms.Credentials{Extra: extra}, platforms.KindAuth},
		{"blank app password", platforms.Credentials{Token: "  ", Extra: extra}, platforms.KindAuth},
		{"missing identifier", platforms.Credentials{Token: appPassword}, platforms.KindAuth},
		{"blank identifier", platforms.Credentials{Token: appPassword, Extra: map[string]string{"identifier": " @ "}}, platforms.KindAuth},
		{"base URL without scheme", platforms.Credentials{Token: appPassword, Extra: extra, BaseURL: "bsky.social"}, platforms.KindPermanent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := bluesky.New(tt.creds)
			if tt.wantKind != "" {
				pe := wantKind(t, err, tt.wantKind)
				if strings.Contains(pe.Error(), appPassword) {
					t.Fatalf("error %q contains the app password", pe)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			caps := c.Capabilities()
			want := []platforms.Capability{platforms.CapListThreads, platforms.CapFetchMessages, platforms.CapSend,
				platforms.CapListComments, platforms.CapReplyComment, platforms.CapModerateComment, platforms.CapPublish}
			if c.Platform() != "bluesky" || len(caps) != len(want) {
				t.Fatalf("platform %q capabilities %v", c.Platform(), caps)
			}
			for _, cp := range want {
				if !platforms.Has(caps, cp) {
					t.Fatalf("capabilities %v lack %s", caps, cp)
				}
			}
			if _, ok := c.(platforms.Moderator); !ok {
				t.Fatal("connector is not a Moderator")
			}
			if _, ok := c.(platforms.Publisher); !ok {
				t.Fatal("connector is not a Publisher")
			}
		})
	}
}

func TestValidAppPasswordFormat(t *testing.T) {
	for s, want := range map[string]bool{
		"abcd-efgh-ijkl-mnop":  true,
		"a1b2-c3d4-e5f6-g7h8":  true,
		"ABCD-EFGH-IJKL-MNOP":  false,
		"abcd-efgh-ijkl":       false,
		"abcd-efgh-ijkl-mnop ": false,
		"my main password!":    false,
		"":                     false,
	} {
		if got := bluesky.ValidAppPasswordFormat(s); got != want {
			t.Fatalf("ValidAppPasswordFormat(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestNormalizeIdentifier(t *testing.T) {
	for in, want := range map[string]string{
		" @Alice.BSKY.social ": "alice.bsky.social",
		"did:plc:AbC":          "did:plc:AbC",
		"":                     "",
	} {
		if got := bluesky.NormalizeIdentifier(in); got != want {
			t.Fatalf("NormalizeIdentifier(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVerify(t *testing.T) {
	srv, base := startFake(t)
	want := platforms.AccountInfo{ExternalID: ownDID, Handle: blueskyfake.DefaultHandle, DisplayName: blueskyfake.DefaultDisplayName}
	tests := []struct {
		name       string
		identifier string
		password   string
		before     func()
		wantKind   platforms.ErrorKind
		wantText   string
	}{
		{"handle", "creator.test", appPassword, nil, "", ""},
		{"handle as typed", " @Creator.Test", appPassword, nil, "", ""},
		{"DID", ownDID, appPassword, nil, "", ""},
		{"wrong password", "creator.test", "wrong-pass-word-1234", nil, platforms.KindAuth, "app password"},
		{"unknown handle", "nobody.test", appPassword, nil, platforms.KindAuth, "Invalid identifier or password"},
		{"app password without DM access", "creator.test", appPassword, func() { srv.SetDMAccess(false) }, platforms.KindAuth,
			`"Allow access to your direct messages"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv.SetDMAccess(true)
			if tt.before != nil {
				tt.before()
			}
			c := connect(t, bluesky.NewSessions(nil), base, tt.identifier, tt.password)
			got, err := c.Verify(context.Background())
			if tt.wantKind != "" {
				pe := wantKind(t, err, tt.wantKind)
				if !strings.Contains(pe.Message, tt.wantText) {
					t.Fatalf("error %q lacks %q", pe.Message, tt.wantText)
				}
				noSecrets(t, srv, "error", pe.Error())
				return
			}
			if err != nil || got != want {
				t.Fatalf("got %+v, %v; want %+v", got, err, want)
			}
		})
	}
}

// TestVerifyChecksThePasswordEvenWithALiveSession: a reconnect with a wrong
// password must fail although the pool holds a working session.
func TestVerifyChecksThePasswordEvenWithALiveSession(t *testing.T) {
	srv, base := startFake(t)
	sessions := bluesky.NewSessions(nil)
	if _, err := connect(t, sessions, base, "creator.test", appPassword).Verify(context.Background()); err != nil {
		t.Fatal(err)
	}
	_, err := connect(t, sessions, base, "creator.test", "wrong-pass-word-1234").Verify(context.Background())
	wantKind(t, err, platforms.KindAuth)
	// The right password again reuses the proven session.
	if _, err := connect(t, sessions, base, "creator.test", appPassword).Verify(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := srv.CreateSessionCalls(); n != 2 {
		t.Fatalf("createSession called %d times, want 2 (first login, wrong password)", n)
	}
}

// TestSessionCreatedOnceAndRefreshed polls many times through many
// connectors of one pool (the engine builds one per loop, the send gate one
// per send) while access tokens keep expiring: one login, one refresh per expiry.
func TestSessionCreatedOnceAndRefreshed(t *testing.T) {
	srv, base := startFake(t)
	convo := srv.AddConvo(alice)
	sessions := bluesky.NewSessions(nil)
	ctx := context.Background()
	cursor, expiries := "", 0
	for i := range 30 {
		c := connect(t, sessions, base, "creator.test", appPassword)
		if i%3 == 1 {
			srv.ExpireAccessTokens()
			expiries++
		}
		if _, err := srv.AddMessage(convo, alice.DID, "ping", t0.Add(time.Duration(i)*time.Minute)); err != nil {
			t.Fatal(err)
		}
		p, err := c.Poll(ctx, cursor, platforms.PollOptions{Limit: 100})
		if err != nil {
			t.Fatalf("poll %d: %v", i, err)
		}
		cursor = p.Cursor
		if i%5 == 0 {
			if _, err := c.Send(ctx, platforms.OutgoingMessage{ThreadExternalID: convo, ThreadKind: platforms.ThreadDM, Text: "pong"}); err != nil {
				t.Fatalf("send %d: %v", i, err)
			}
		}
	}
	if n := srv.CreateSessionCalls(); n != 1 {
		t.Fatalf("createSession called %d times, want 1", n)
	}
	if n := srv.RefreshSessionCalls(); n != expiries {
		t.Fatalf("refreshSession called %d times, want %d (one per expiry)", n, expiries)
	}
}

// TestConcurrentConnectorsRefreshOnce: refresh JWTs are single-use, so two
// connectors hitting an expired token at once must not both refresh.
func TestConcurrentConnectorsRefreshOnce(t *testing.T) {
	srv, base := startFake(t)
	srv.AddConvo(alice)
	sessions := bluesky.NewSessions(nil)
	if _, err := connect(t, sessions, base, "creator.test", appPassword).Poll(context.Background(), "", platforms.PollOptions{}); err != nil {
		t.Fatal(err)
	}
	srv.ExpireAccessTokens()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := connect(t, sessions, base, "creator.test", appPassword).Poll(context.Background(), "", platforms.PollOptions{})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if c, r := srv.CreateSessionCalls(), srv.RefreshSessionCalls(); c != 1 || r != 1 {
		t.Fatalf("createSession %d, refreshSession %d; want 1 and 1", c, r)
	}
}

// TestSessionStoreAcrossRestart: the refresh JWT is saved, a new process
// (a new pool) refreshes it instead of logging in, and a rejected one falls
// back to a login whose session is saved in turn.
func TestSessionStoreAcrossRestart(t *testing.T) {
	srv, base := startFake(t)
	srv.AddConvo(alice)
	store := &memStore{}
	ctx := context.Background()
	if _, err := connect(t, bluesky.NewSessions(store), base, "creator.test", appPassword).Verify(ctx); err != nil {
		t.Fatal(err)
	}
	first := store.get(ownDID)
	if first == "" {
		t.Fatal("no refresh JWT stored after login")
	}

	// Restart: the engine builds the connector with the account's DID.
	if _, err := connect(t, bluesky.NewSessions(store), base, ownDID, appPassword).Poll(ctx, "", platforms.PollOptions{}); err != nil {
		t.Fatal(err)
	}
	if c, r := srv.CreateSessionCalls(), srv.RefreshSessionCalls(); c != 1 || r != 1 {
		t.Fatalf("after restart: createSession %d, refreshSession %d; want 1 and 1", c, r)
	}
	second := store.get(ownDID)
	if second == "" || second == first {
		t.Fatal("the rotated refresh JWT was not stored")
	}

	// Restart with a stored refresh JWT the server no longer accepts.
	store.saved[ownDID] = first
	if _, err := connect(t, bluesky.NewSessions(store), base, ownDID, appPassword).Poll(ctx, "", platforms.PollOptions{}); err != nil {
		t.Fatal(err)
	}
	if c := srv.CreateSessionCalls(); c != 2 {
		t.Fatalf("createSession %d, want 2 (login after the rejected refresh)", c)
	}
	if got := store.get(ownDID); got == "" || got == first {
		t.Fatal("the new session's refresh JWT was not stored")
	}

	// Forget revokes it and deletes it from the store.
	sessions := bluesky.NewSessions(store)
	if _, err := connect(t, sessions, base, ownDID, appPassword).Poll(ctx, "", platforms.PollOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := sessions.Forget(ctx, base, ownDID); err != nil {
		t.Fatal(err)
	}
	if got := store.get(ownDID); got != "" {
		t.Fatal("Forget left the refresh JWT in the store")
	}
}

// TestSessionStoreFailureDoesNotStopSync: an unavailable keyring only costs a login.
func TestSessionStoreFailureDoesNotStopSync(t *testing.T) {
	var buf bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&buf, nil)))
	t.Cleanup(func() { slog.SetDefault(prev) })
	srv, base := startFake(t)
	store := &memStore{err: errors.New("keyring locked")}
	if _, err := connect(t, bluesky.NewSessions(store), base, ownDID, appPassword).Poll(context.Background(), "", platforms.PollOptions{}); err != nil {
		t.Fatal(err)
	}
	if n := srv.CreateSessionCalls(); n != 1 {
		t.Fatalf("createSession %d, want 1", n)
	}
	if !strings.Contains(buf.String(), "could not store the session") {
		t.Fatalf("the keyring failure was not logged: %q", buf.String())
	}
	noSecrets(t, srv, "log", buf.String())
}

func TestRevokedAppPassword(t *testing.T) {
	srv, base := startFake(t)
	store := &memStore{}
	c := connect(t, bluesky.NewSessions(store), base, "creator.test", appPassword)
	ctx := context.Background()
	p, err := c.Poll(ctx, "", platforms.PollOptions{})
	if err != nil {
		t.Fatal(err)
	}
	srv.RevokeAppPassword()
	_, err = c.Poll(ctx, p.Cursor, platforms.PollOptions{})
	pe := wantKind(t, err, platforms.KindAuth)
	noSecrets(t, srv, "error", pe.Error())
	if store.get(ownDID) != "" {
		t.Fatal("the rejected refresh JWT stayed in the store")
	}
	if c := srv.CreateSessionCalls(); c != 2 {
		t.Fatalf("createSession %d, want 2 (login, then one retry after the refresh was rejected)", c)
	}
}

func TestMissingDMAccess(t *testing.T) {
	tests := []struct {
		name   string
		inject func(*blueskyfake.Server)
	}{
		// What the PDS answers for an app password without DM access.
		{"400 Bad token method", func(s *blueskyfake.Server) { s.SetDMAccess(false) }},
		{"401 Bad token scope", func(s *blueskyfake.Server) { s.FailNextWith(9, 401, "AuthenticationRequired", "Bad token scope") }},
		{"403 Bad token scope", func(s *blueskyfake.Server) { s.FailNextWith(9, 403, "InvalidToken", "Bad token scope") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := start(t)
			convo := srv.AddConvo(alice)
			if _, err := c.Verify(context.Background()); err != nil {
				t.Fatal(err)
			}
			tt.inject(srv)
			_, err := c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: convo, ThreadKind: platforms.ThreadDM, Text: "hi"})
			pe := wantKind(t, err, platforms.KindAuth)
			if !strings.Contains(pe.Message, `"Allow access to your direct messages"`) || !errors.Is(err, bluesky.ErrNoDMAccess) {
				t.Fatalf("error %q does not explain the missing DM access", pe.Message)
			}
			if srv.RefreshSessionCalls() != 0 || srv.CreateSessionCalls() != 1 {
				t.Fatal("a scope error must not renew the session")
			}
		})
	}
}

func TestCreateSessionRateLimited(t *testing.T) {
	srv, base := startFake(t)
	srv.CreateSessionLimit = 0
	_, err := connect(t, bluesky.NewSessions(nil), base, "creator.test", appPassword).Verify(context.Background())
	pe := wantKind(t, err, platforms.KindRateLimited)
	if pe.Code != 429 || pe.RetryAfter < 4*time.Minute || pe.RetryAfter > 5*time.Minute+time.Second {
		t.Fatalf("error %v: code %d retry %v, want 429 and about 5 minutes", pe, pe.Code, pe.RetryAfter)
	}
}

// TestErrorKinds checks the mapping of XRPC failures on every call, and that
// the call after a fault succeeds.
func TestErrorKinds(t *testing.T) {
	type env struct {
		srv   *blueskyfake.Server
		c     platforms.Connector
		convo string
		root  string
		reply string
	}
	calls := []struct {
		name string
		do   func(e env) error
	}{
		{"Verify", func(e env) error { _, err := e.c.Verify(context.Background()); return err }},
		{"Poll", func(e env) error { _, err := e.c.Poll(context.Background(), "", platforms.PollOptions{}); return err }},
		{"Send DM", func(e env) error {
			_, err := e.c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: e.convo, ThreadKind: platforms.ThreadDM, Text: "hi"})
			return err
		}},
		{"Send reply", func(e env) error {
			_, err := e.c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: e.root, ThreadKind: platforms.ThreadComment,
				ReplyToExternalID: e.reply, Text: "thanks"})
			return err
		}},
		{"Moderate hide", func(e env) error {
			return e.c.(platforms.Moderator).Moderate(context.Background(),
				platforms.ModerationAction{Kind: platforms.ModerateHide, TargetExternalID: e.reply, ThreadExternalID: e.root})
		}},
		{"Publish", func(e env) error {
			_, err := e.c.(platforms.Publisher).Publish(context.Background(), platforms.Post{Text: "new drop"})
			return err
		}},
	}
	reset := time.Now().Add(time.Hour)
	faults := []struct {
		name      string
		inject    func(*blueskyfake.Server)
		wantKind  platforms.ErrorKind
		wantCode  int
		wantRetry func(time.Duration) bool
	}{
		{"429 with ratelimit-reset", func(s *blueskyfake.Server) { s.RateLimitNext(1, reset) }, platforms.KindRateLimited, 429,
			func(d time.Duration) bool { return d > 55*time.Minute && d <= time.Hour+time.Second }},
		{"429 without headers", func(s *blueskyfake.Server) { s.RateLimitNext(1, time.Time{}) }, platforms.KindRateLimited, 429,
			func(d time.Duration) bool { return d == time.Minute }},
		{"400 InvalidRequest", func(s *blueskyfake.Server) { s.FailNext(1, 400) }, platforms.KindPermanent, 400, nil},
		{"403 Forbidden", func(s *blueskyfake.Server) { s.FailNext(1, 403) }, platforms.KindPermanent, 403, nil},
		{"400 AccountTakedown", func(s *blueskyfake.Server) { s.FailNextWith(1, 400, "AccountTakedown", "Account has been taken down") },
			platforms.KindAuth, 400, nil},
		{"500 server error", func(s *blueskyfake.Server) { s.FailNext(1, 500) }, platforms.KindTransient, 500, nil},
		{"503 unavailable", func(s *blueskyfake.Server) { s.FailNext(1, 503) }, platforms.KindTransient, 503, nil},
		{"server down (502 HTML)", func(s *blueskyfake.Server) { s.SetDown(true) }, platforms.KindTransient, 502, nil},
		// A cut success has no status to report; a cut error keeps its HTTP status.
		{"truncated JSON", func(s *blueskyfake.Server) { s.TruncateNext(1) }, platforms.KindTransient, -1, nil},
	}
	for _, call := range calls {
		for _, f := range faults {
			t.Run(call.name+"/"+f.name, func(t *testing.T) {
				srv, c := start(t)
				e := env{srv: srv, c: c, convo: srv.AddConvo(alice), root: srv.AddOwnPost("My new video", t0)}
				var err error
				if e.reply, err = srv.AddReply(alice, e.root, "love it", t0.Add(time.Minute)); err != nil {
					t.Fatal(err)
				}
				if _, err := c.Poll(context.Background(), "", platforms.PollOptions{}); err != nil {
					t.Fatal(err) // logs in before the fault
				}
				f.inject(srv)
				pe := wantKind(t, call.do(e), f.wantKind)
				if (f.wantCode >= 0 && pe.Code != f.wantCode) || (f.wantRetry == nil && pe.RetryAfter != 0) || (f.wantRetry != nil && !f.wantRetry(pe.RetryAfter)) {
					t.Fatalf("error %v: code %d retry %v, want code %d", pe, pe.Code, pe.RetryAfter, f.wantCode)
				}
				noSecrets(t, srv, "error", pe.Error())
				srv.SetDown(false)
				if err := call.do(e); err != nil {
					t.Fatalf("next call: %v", err)
				}
			})
		}
	}
}

func TestNetworkErrorHidesSecrets(t *testing.T) {
	c := connect(t, bluesky.NewSessions(nil), closedURL(t), "creator.test", appPassword)
	_, err := c.Poll(context.Background(), "", platforms.PollOptions{})
	pe := wantKind(t, err, platforms.KindTransient)
	if strings.Contains(pe.Error(), appPassword) || strings.Contains(pe.Error(), "http://") {
		t.Fatalf("error %q contains the app password or the URL", pe)
	}
}

func TestCanceledContext(t *testing.T) {
	_, c := start(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := c.Poll(ctx, "", platforms.PollOptions{})
	wantKind(t, err, platforms.KindTransient)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v does not unwrap to context.Canceled", err)
	}
}

// TestNoSecretsInLogs runs failures and malformed items and checks the log.
func TestNoSecretsInLogs(t *testing.T) {
	var buf bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewJSONHandler(&buf, nil)))
	t.Cleanup(func() { slog.SetDefault(prev) })

	srv, c := start(t)
	convo := srv.AddConvo(alice)
	if err := srv.AddRawMessage(convo, []byte(`{"$type":"chat.bsky.convo.defs#messageView","id":"m1","text":"private words","sender":{"did":"x"}}`)); err != nil {
		t.Fatal(err)
	}
	srv.AddRawNotification([]byte(`{"uri":"at://did:plc:x/app.bsky.feed.post/1","reason":"reply","record":{"text":"secret reply"}}`), t0)
	ctx := context.Background()
	drain(t, c, "", 100)
	srv.ExpireAccessTokens()
	drain(t, c, "", 100)
	srv.RevokeAppPassword()
	_, _ = c.Poll(ctx, "", platforms.PollOptions{})
	logged := buf.String()
	if !strings.Contains(logged, "skipped malformed item") {
		t.Fatalf("log %q lacks the skipped items", logged)
	}
	noSecrets(t, srv, "log", logged)
	for _, content := range []string{"private words", "secret reply"} {
		if strings.Contains(logged, content) {
			t.Fatalf("log %q contains message content %q", logged, content)
		}
	}
}
