package oauth_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/oauth"
	"creatordesk/backend/oauth/oauthfake"
)

// connected runs a flow and returns the token it got.
func connected(t *testing.T, cfg oauth.Config) oauth.Token {
	t.Helper()
	b := newBrowser()
	tok, err := oauth.Run(context.Background(), cfg, oauth.Options{}, b.open)
	if err != nil {
		t.Fatalf("flow: %v", err)
	}
	return tok
}

func TestExchangeRefusesAWrongVerifier(t *testing.T) {
	srv, cfg := fakeServer(t)
	f, _ := oauth.Listen(oauth.Options{})
	defer f.Cancel()
	authURL, _ := f.Authorize(cfg)
	// Take the code off the redirect without letting the listener see it.
	client := newNoRedirectClient()
	resp, err := client.Get(authURL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc, _ := resp.Location()
	code := loc.Query().Get("code")
	_, err = cfg.Exchange(context.Background(), code, strings.Repeat("a", 43), f.RedirectURI())
	var te *oauth.TokenError
	if !errors.As(err, &te) || !errors.Is(err, oauth.ErrInvalidGrant) || te.Temporary {
		t.Fatalf("err = %v, want invalid_grant", err)
	}
	if strings.Contains(err.Error(), code) {
		t.Fatal("the error shows the code")
	}
	_ = srv
}

func TestExchangeRefusesAWrongSecret(t *testing.T) {
	_, cfg := fakeServer(t)
	cfg.ClientSecret = "wrong"
	b := newBrowser()
	_, err := oauth.Run(context.Background(), cfg, oauth.Options{}, b.open)
	if !errors.Is(err, oauth.ErrInvalidClient) {
		t.Fatalf("err = %v, want invalid_client", err)
	}
	if strings.Contains(err.Error(), "wrong") {
		t.Fatal("the error shows the secret")
	}
	var te *oauth.TokenError
	errors.As(err, &te)
	if _, key, _ := te.ErrorKey(); key != "errors.oauth.clientRejected" {
		t.Fatalf("key %q", key)
	}
}

func TestRefreshKeepsTheRefreshTokenUnlessRotated(t *testing.T) {
	srv, cfg := fakeServer(t)
	tok := connected(t, cfg)
	again, err := cfg.Refresh(context.Background(), tok.RefreshToken)
	if err != nil {
		t.Fatal(err)
	}
	if again.RefreshToken != tok.RefreshToken || again.AccessToken == tok.AccessToken {
		t.Fatal("a refresh without a new refresh token must keep the old one and bring a new access token")
	}
	srv.SetRotateRefresh(true)
	rotated, err := cfg.Refresh(context.Background(), tok.RefreshToken)
	if err != nil {
		t.Fatal(err)
	}
	if rotated.RefreshToken == tok.RefreshToken || rotated.RefreshToken == "" {
		t.Fatal("a rotated refresh token was not taken")
	}
	srv.RevokeRefresh(rotated.RefreshToken)
	if _, err := cfg.Refresh(context.Background(), rotated.RefreshToken); !errors.Is(err, oauth.ErrInvalidGrant) {
		t.Fatalf("revoked: err = %v", err)
	}
	srv.FailTokenNext(1)
	_, err = cfg.Refresh(context.Background(), tok.RefreshToken)
	var te *oauth.TokenError
	if !errors.As(err, &te) || !te.Temporary {
		t.Fatalf("503: err = %v, want a temporary TokenError", err)
	}
}

func TestTokenSourceRenewsBeforeExpiryAndKeepsRotations(t *testing.T) {
	srv, cfg := fakeServer(t)
	tok := connected(t, cfg)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	cfg.Now = func() time.Time { return now }
	n := 0
	srv.SetAccessToken(func() string { n++; return fmt.Sprintf("access-%d", n) })
	src := oauth.NewTokenSource(cfg, tok.RefreshToken)
	var rotated []string
	src.OnRotate = func(rt string) { rotated = append(rotated, rt) }

	a1, err := src.Token(context.Background())
	if err != nil || a1 != "access-1" {
		t.Fatalf("first: %q %v", a1, err)
	}
	if want := now.Add(time.Hour); !src.Expiry().Equal(want) {
		t.Fatalf("expiry %v, want %v", src.Expiry(), want)
	}
	now = now.Add(50 * time.Minute)
	if a, _ := src.Token(context.Background()); a != "access-1" {
		t.Fatalf("renewed too early: %q", a)
	}
	now = now.Add(9 * time.Minute) // 1 minute left: inside RefreshSkew
	if a, _ := src.Token(context.Background()); a != "access-2" {
		t.Fatalf("not renewed near expiry: %q", a)
	}
	src.Invalidate()
	srv.SetRotateRefresh(true)
	if a, _ := src.Token(context.Background()); a != "access-3" {
		t.Fatalf("not renewed after Invalidate: %q", a)
	}
	if len(rotated) != 1 || rotated[0] == tok.RefreshToken {
		t.Fatalf("rotation not reported: %v", rotated)
	}
	// The failed renewal of a revoked token is an invalid grant; nothing else is lost.
	srv.RevokeRefresh(rotated[0])
	src.Invalidate()
	if _, err := src.Token(context.Background()); !errors.Is(err, oauth.ErrInvalidGrant) {
		t.Fatalf("revoked: %v", err)
	}

	var shared oauth.Sources
	if shared.Get(cfg, "r1") != shared.Get(cfg, "r1") || shared.Get(cfg, "r1") == shared.Get(cfg, "r2") {
		t.Fatal("Sources must share one source per refresh token")
	}
}

func TestTokenStringHidesSecrets(t *testing.T) {
	tok := oauth.Token{AccessToken: "at-secret", RefreshToken: "rt-secret"}
	for _, s := range []string{fmt.Sprint(tok), fmt.Sprintf("%v %+v %#v", tok, tok, tok)} {
		if strings.Contains(s, "secret") {
			t.Fatalf("printed %q", s)
		}
	}
}

var _ = oauthfake.Approve
