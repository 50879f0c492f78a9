package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"strings"
	"time"

	"creatordesk/app"
)

// Connecting through the browser:
//
//	creatordesk accounts add youtube --client-id ID --client-secret-stdin [--base-url URL] [--auth-url URL --token-url URL]
//	creatordesk accounts add mastodon --oauth --base-url https://instance.example
//
// The command prints the sign-in address, tries to open the system browser,
// and waits until the browser comes back (or the sign-in times out).

// oauthPollEvery is how often the command looks at the sign-in's state.
const oauthPollEvery = 300 * time.Millisecond

// openBrowser opens a URL in the system browser (tests replace it).
var openBrowser = systemBrowser

// wantsBrowserConnect reports whether "accounts add <platform> args" connects
// through the browser: always for YouTube, with --oauth for Mastodon.
func wantsBrowserConnect(platform string, args []string) bool {
	if platform == "youtube" {
		return true
	}
	for _, a := range args {
		if a == "--oauth" || a == "-oauth" {
			return platform == "mastodon"
		}
	}
	return false
}

// accountsAddOAuth connects a YouTube channel or a Mastodon account through the browser.
func accountsAddOAuth(s *app.Session, platform string, args []string, env Env) error {
	ctx, stop := interruptContext()
	defer stop()
	f := newFlags("accounts add "+platform, env)
	clientID := f.String("client-id", "", "youtube: your Google Cloud OAuth client id (a \"Desktop app\" client)")
	secretStdin := f.Bool("client-secret-stdin", false, "youtube: read the OAuth client secret from standard input")
	baseURL := f.String("base-url", "", "API root (youtube: default Google's) or the Mastodon instance")
	authURL := f.String("auth-url", "", "youtube: authorization endpoint (default Google's; for tests)")
	tokenURL := f.String("token-url", "", "youtube: token endpoint (default Google's; for tests)")
	name := f.String("name", "", "display name for the account")
	_ = f.Bool("oauth", false, "mastodon: sign in through the browser instead of pasting a token")
	asJSON := f.Bool("json", false, "print JSON")
	if err := parse(f, args); err != nil {
		return err
	}
	req := app.OAuthStartRequest{Platform: platform, ClientID: *clientID, BaseURL: *baseURL, AuthURL: *authURL, TokenURL: *tokenURL, Name: *name}
	if platform == "youtube" {
		if *clientID == "" || !*secretStdin {
			fmt.Fprintln(env.Stderr, "creatordesk: accounts add youtube needs --client-id and --client-secret-stdin (the secret on standard input, never as an argument)")
			return errUsage
		}
		secret, err := readAllTrimmed(env.Stdin, true)
		if err != nil {
			return err
		}
		req.ClientSecret = secret
	}
	if platform == "mastodon" && *baseURL == "" {
		fmt.Fprintln(env.Stderr, "creatordesk: accounts add mastodon --oauth needs --base-url (the instance, e.g. https://mastodon.social)")
		return errUsage
	}
	s.SetRuntime(cliRuntime{env: env})
	oa := app.NewOAuth(s)
	flow, err := oa.Start(req)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "Sign in in your browser. If it did not open, open this address:\n\n  %s\n\nWaiting for the browser… (Ctrl-C to cancel)\n", flow.AuthURL)
	for flow.State == "waiting" || flow.State == "connecting" {
		select {
		case <-ctx.Done():
			// Ctrl-C: end the sign-in and close its loopback listener before exiting.
			_, _ = oa.Cancel(flow.ID)
			return errSignInCanceled
		case <-time.After(oauthPollEvery):
		}
		if flow, err = oa.Status(flow.ID); err != nil {
			return err
		}
	}
	if flow.Error != nil {
		return flow.Error
	}
	if flow.Account == nil {
		return fmt.Errorf("creatordesk: the sign-in ended as %q", flow.State)
	}
	// The CLI process exits next: stop the loop the connect started.
	s.Workspace().Engine.StopAccount(flow.Account.ID)
	if *asJSON {
		return printJSON(env.Stdout, flow.Account)
	}
	fmt.Fprintf(env.Stdout, "connected %s account %q (id %d)\n", flow.Account.Platform, flow.Account.Name, flow.Account.ID)
	return nil
}

// interruptContext ends when the person presses Ctrl-C (SIGINT); tests replace it.
var interruptContext = func() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt)
}

// errSignInCanceled: the person pressed Ctrl-C while the browser sign-in waited.
var errSignInCanceled = errors.New("sign-in canceled: nothing was connected")

// cliRuntime is the command line's Runtime: no events, and the system browser.
type cliRuntime struct{ env Env }

// Emit implements app.Runtime (the command line shows no events).
func (cliRuntime) Emit(string, any) {}

// OpenURL implements app.URLOpener.
func (r cliRuntime) OpenURL(ctx context.Context, url string) error { return openBrowser(ctx, url) }

// systemBrowser hands a URL to the desktop's browser launcher, when there
// is a desktop; the command prints the URL either way. The launcher is not
// tied to ctx (the request's context ends as soon as the flow has started).
func systemBrowser(_ context.Context, url string) error {
	if !strings.HasPrefix(url, "https://") && !strings.HasPrefix(url, "http://") {
		return fmt.Errorf("not a web address")
	}
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
			return fmt.Errorf("no desktop session")
		}
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
