package telegram_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/telegram"
	"creatordesk/backend/platforms/telegram/telegramfake"
)

const token = "123456:test-token-not-real-xxxxxxxxxxxxxxxxxxxx"

var (
	alice     = telegramfake.User{ID: 111, FirstName: "Alice", LastName: "Doe", Username: "alice", LanguageCode: "en"}
	aliceChat = telegramfake.Chat{ID: 111, Type: "private", FirstName: "Alice", LastName: "Doe", Username: "alice"}
	bob       = telegramfake.User{ID: 222, FirstName: "Bob"}
	fans      = telegramfake.Chat{ID: -100200, Type: "supergroup", Title: "Fans"}
	t0        = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
)

// start runs a fake Bot API for the test and returns it with a connector to it.
func start(t *testing.T) (*telegramfake.Server, platforms.Connector) {
	t.Helper()
	srv := telegramfake.New(token)
	base := srv.Start()
	t.Cleanup(srv.Close)
	return srv, connect(t, base, token)
}

// connect builds a connector, failing the test on error.
func connect(t *testing.T, base, tok string) platforms.Connector {
	t.Helper()
	c, err := telegram.New(platforms.Credentials{BaseURL: base, Token: tok})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// closedURL returns the base URL of a server that no longer listens.
func closedURL(t *testing.T) string {
	t.Helper()
	srv := telegramfake.New(token)
	base := srv.Start()
	srv.Close()
	return base
}

// wantKind fails the test unless err is a telegram *platforms.Error of kind.
func wantKind(t *testing.T, err error, kind platforms.ErrorKind) *platforms.Error {
	t.Helper()
	var pe *platforms.Error
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T), want *platforms.Error of kind %s", err, err, kind)
	}
	if pe.Kind != kind || pe.Platform != telegram.Platform {
		t.Fatalf("error %v, want kind %s on %s", err, kind, telegram.Platform)
	}
	return pe
}

// waitPolling returns once the fake holds a getUpdates call.
func waitPolling(t *testing.T, srv *telegramfake.Server) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !srv.Polling() {
		if time.Now().After(deadline) {
			t.Fatal("no getUpdates call arrived")
		}
		time.Sleep(time.Millisecond)
	}
}

func TestNew(t *testing.T) {
	tests := []struct {
		name     string
		creds    platforms.Credentials
		wantKind platforms.ErrorKind // empty: no error
	}{
		{"default base URL", platforms.Credentials{Token: token}, ""},
		{"custom base URL", platforms.Credentials{Token: token, BaseURL: "http://127.0.0.1:1/"}, ""},
		{"missing token", platforms.Credentials{BaseURL: "http://127.0.0.1:1"}, platforms.KindAuth},
		{"base URL without scheme", platforms.Credentials{Token: token, BaseURL: "api.telegram.org"}, platforms.KindPermanent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := telegram.New(tt.creds)
			if tt.wantKind != "" {
				wantKind(t, err, tt.wantKind)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			caps := c.Capabilities()
			if c.Platform() != "telegram" || len(caps) != 3 || !platforms.Has(caps, platforms.CapSendAttachment) ||
				!platforms.Has(caps, platforms.CapFetchMessages) || !platforms.Has(caps, platforms.CapSend) {
				t.Fatalf("platform %q capabilities %v", c.Platform(), caps)
			}
		})
	}
}

func TestVerify(t *testing.T) {
	srv, c := start(t)
	base := srv.Start()
	tests := []struct {
		name     string
		conn     platforms.Connector
		want     platforms.AccountInfo
		wantKind platforms.ErrorKind
	}{
		{"valid token", c, platforms.AccountInfo{ExternalID: "123456", Handle: "creatordesk_test_bot", DisplayName: "CreatorDesk Test Bot"}, ""},
		{"wrong token", connect(t, base, "123456:wrong-token-xxxxxxxxxxxxxxxxxxxxxxxxxxx"), platforms.AccountInfo{}, platforms.KindAuth},
		{"404 on the getMe path", connect(t, base+"/not-the-api", token), platforms.AccountInfo{}, platforms.KindAuth},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.conn.Verify(context.Background())
			if tt.wantKind != "" {
				if pe := wantKind(t, err, tt.wantKind); strings.Contains(pe.Error(), "token-not-real") {
					t.Fatalf("error %q contains the token", pe)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("got %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}

// TestErrorKinds checks the mapping of Bot API failures on every call, and
// that the call after a transient fault succeeds with nothing lost.
func TestErrorKinds(t *testing.T) {
	calls := []struct {
		name string
		do   func(c platforms.Connector) error
	}{
		{"Verify", func(c platforms.Connector) error { _, err := c.Verify(context.Background()); return err }},
		{"Poll", func(c platforms.Connector) error {
			_, err := c.Poll(context.Background(), "", platforms.PollOptions{})
			return err
		}},
		{"Send", func(c platforms.Connector) error {
			_, err := c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: "111", Text: "hi"})
			return err
		}},
	}
	faults := []struct {
		name      string
		inject    func(*telegramfake.Server)
		wantKind  platforms.ErrorKind
		wantCode  int
		wantRetry time.Duration
	}{
		{"429 rate limited", func(s *telegramfake.Server) { s.RateLimitNext(1, 35) }, platforms.KindRateLimited, 429, 35 * time.Second},
		{"409 conflict", func(s *telegramfake.Server) { s.FailNext(1, 409) }, platforms.KindConflict, 409, 0},
		{"403 blocked", func(s *telegramfake.Server) { s.FailNext(1, 403) }, platforms.KindPermanent, 403, 0},
		{"400 bad request", func(s *telegramfake.Server) { s.FailNext(1, 400) }, platforms.KindPermanent, 400, 0},
		{"500 server error", func(s *telegramfake.Server) { s.FailNext(1, 500) }, platforms.KindTransient, 500, 0},
		{"502 bad gateway", func(s *telegramfake.Server) { s.FailNext(1, 502) }, platforms.KindTransient, 502, 0},
		{"server down", func(s *telegramfake.Server) { s.SetDown(true) }, platforms.KindTransient, 502, 0},
		{"truncated JSON", func(s *telegramfake.Server) { s.TruncateNext(1) }, platforms.KindTransient, 0, 0},
	}
	for _, call := range calls {
		for _, f := range faults {
			t.Run(call.name+"/"+f.name, func(t *testing.T) {
				srv, c := start(t)
				srv.AddMessage(aliceChat, alice, "hello", t0)
				f.inject(srv)
				pe := wantKind(t, call.do(c), f.wantKind)
				if pe.Code != f.wantCode || pe.RetryAfter != f.wantRetry {
					t.Fatalf("error %v: code %d retry %v, want %d %v", pe, pe.Code, pe.RetryAfter, f.wantCode, f.wantRetry)
				}
				srv.SetDown(false)
				if err := call.do(c); err != nil {
					t.Fatalf("next call: %v", err)
				}
			})
		}
	}
}

func TestNetworkErrorHidesToken(t *testing.T) {
	c := connect(t, closedURL(t), token)
	_, err := c.Poll(context.Background(), "", platforms.PollOptions{})
	pe := wantKind(t, err, platforms.KindTransient)
	for _, secret := range []string{token, url.PathEscape(token), "test-token-not-real"} {
		if strings.Contains(pe.Error(), secret) {
			t.Fatalf("error %q contains the token", pe)
		}
	}
}

func TestValidTokenFormat(t *testing.T) {
	tests := []struct {
		token string
		want  bool
	}{
		{"123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8", true},
		{"7000000001:AAE-abc_DEF-ghi_JKL-mno_PQR-stu_VWX", true},
		{token, true},
		{"", false},
		{"123456789", false},
		{":AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8", false},
		{"bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8", false},
		{"123456789:short", false},
		{"123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8 ", false},
		{"123456789:AAHdqTcvCH1vGWJx/eofSAs0K5PALDsaw8", false},
		{"https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8/getMe", false},
	}
	for _, tt := range tests {
		t.Run(tt.token, func(t *testing.T) {
			if got := telegram.ValidTokenFormat(tt.token); got != tt.want {
				t.Fatalf("ValidTokenFormat(%q) = %v, want %v", tt.token, got, tt.want)
			}
		})
	}
}
