package cli

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/oauth/oauthfake"
	"creatordesk/backend/platforms/mastodon/mastodonfake"
	"creatordesk/backend/platforms/youtube"
	"creatordesk/backend/platforms/youtube/youtubefake"
	"creatordesk/backend/secrets"
)

// fakeBrowser replaces the system browser with an HTTP GET that follows redirects.
func fakeBrowser(t *testing.T) *[]string {
	t.Helper()
	var opened []string
	prev := openBrowser
	openBrowser = func(_ context.Context, url string) error {
		opened = append(opened, url)
		go func() {
			if resp, err := http.Get(url); err == nil {
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}()
		return nil
	}
	t.Cleanup(func() { openBrowser = prev })
	return &opened
}

func TestAccountsAddYouTubeThroughTheBrowser(t *testing.T) {
	opened := fakeBrowser(t)
	auth := oauthfake.New("/o").Start()
	t.Cleanup(auth.Close)
	auth.AddClient(oauthfake.Client{ID: "9-desktop.apps.googleusercontent.com", Secret: "GOCSPX-cli"})
	api := youtubefake.New("unused")
	base := api.Start()
	t.Cleanup(api.Close)
	api.AcceptTokens(func(tok string) bool {
		scope, ok := auth.ValidAccess(tok)
		return ok && strings.Contains(scope, youtube.Scope)
	})
	vault := secrets.NewMemory()
	dir := t.TempDir()

	if code, _, errOut := run(t, vault, "", "--data-dir", dir, "accounts", "add", "youtube", "--client-id", "x"); code == 0 || !strings.Contains(errOut, "--client-secret-stdin") {
		t.Fatalf("without the secret: %d %q", code, errOut)
	}
	code, out, errOut := run(t, vault, "GOCSPX-cli\n", "--data-dir", dir, "accounts", "add", "youtube",
		"--client-id", "9-desktop.apps.googleusercontent.com", "--client-secret-stdin",
		"--base-url", base, "--auth-url", auth.AuthURL(), "--token-url", auth.TokenURL(), "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if len(*opened) != 1 || !strings.Contains(errOut, (*opened)[0]) {
		t.Fatalf("the URL was not printed and opened: %q", errOut)
	}
	var acc struct{ Platform, Handle string }
	if err := json.Unmarshal([]byte(out), &acc); err != nil || acc.Platform != "youtube" || acc.Handle != api.Self.Handle {
		t.Fatalf("output %q (%v)", out, err)
	}
	if strings.Contains(out+errOut, "GOCSPX-cli") {
		t.Fatal("the secret was printed")
	}
}

func TestAccountsAddMastodonWithOAuthAndDenied(t *testing.T) {
	fakeBrowser(t)
	srv := mastodonfake.New("masto-cli-token")
	base := srv.Start()
	t.Cleanup(srv.Close)
	vault := secrets.NewMemory()
	dir := t.TempDir()
	out := mustRun(t, vault, "", "--data-dir", dir, "accounts", "add", "mastodon", "--oauth", "--base-url", base)
	if !strings.HasPrefix(out, "connected mastodon account") {
		t.Fatalf("output %q", out)
	}
	srv.OAuth().SetDecision(oauthfake.Deny)
	code, _, errOut := run(t, vault, "", "--data-dir", t.TempDir(), "accounts", "add", "mastodon", "--oauth", "--base-url", base)
	if code == 0 || !strings.Contains(errOut, "denied") {
		t.Fatalf("denied: exit %d, %q", code, errOut)
	}
}

func TestAccountsAddYouTubeCanceledWithCtrlC(t *testing.T) {
	// No browser comes back; "Ctrl-C" is the interrupt context ending.
	prevOpen, prevInterrupt := openBrowser, interruptContext
	t.Cleanup(func() { openBrowser, interruptContext = prevOpen, prevInterrupt })
	opened := make(chan string, 1)
	openBrowser = func(_ context.Context, url string) error { opened <- url; return nil }
	ctx, ctrlC := context.WithCancel(context.Background())
	interruptContext = func() (context.Context, context.CancelFunc) { return ctx, func() {} }
	auth := oauthfake.New("/o").Start()
	t.Cleanup(auth.Close)
	auth.AddClient(oauthfake.Client{ID: "9-desktop.apps.googleusercontent.com", Secret: "GOCSPX-cli"})
	vault := secrets.NewMemory()
	dir := t.TempDir()

	type result struct {
		code        int
		out, errOut string
	}
	done := make(chan result, 1)
	go func() {
		code, out, errOut := run(t, vault, "GOCSPX-cli\n", "--data-dir", dir, "accounts", "add", "youtube",
			"--client-id", "9-desktop.apps.googleusercontent.com", "--client-secret-stdin",
			"--auth-url", auth.AuthURL(), "--token-url", auth.TokenURL())
		done <- result{code, out, errOut}
	}()
	var authURL string
	select {
	case authURL = <-opened:
	case <-time.After(10 * time.Second):
		t.Fatal("the browser was never asked to open")
	}
	u, _ := url.Parse(authURL)
	redirect, err := url.Parse(u.Query().Get("redirect_uri"))
	if err != nil || redirect.Host == "" {
		t.Fatalf("redirect in %s", authURL)
	}
	if c, err := net.DialTimeout("tcp", redirect.Host, time.Second); err != nil {
		t.Fatalf("not listening while waiting: %v", err)
	} else {
		_ = c.Close()
	}
	ctrlC()
	var res result
	select {
	case res = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the command did not end after Ctrl-C")
	}
	if res.code == 0 || !strings.Contains(res.errOut, "sign-in canceled") {
		t.Fatalf("exit %d: %q", res.code, res.errOut)
	}
	if c, err := net.DialTimeout("tcp", redirect.Host, time.Second); err == nil {
		_ = c.Close()
		t.Fatal("the loopback listener still accepts connections after Ctrl-C")
	}
	if out := mustRun(t, vault, "", "--data-dir", dir, "accounts", "list"); strings.Contains(out, "youtube") {
		t.Fatalf("an account was connected: %s", out)
	}
}
