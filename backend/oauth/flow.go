package oauth

import (
	"context"
	"crypto/subtle"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// DefaultTimeout is how long a flow waits for the browser to come back.
const DefaultTimeout = 5 * time.Minute

// CallbackPath is the path of the redirect URI on the loopback listener.
const CallbackPath = "/callback"

// Options tune a flow.
type Options struct {
	// Timeout ends the flow with ErrTimeout (default DefaultTimeout), counted from Listen.
	Timeout time.Duration
	// AppName is shown on the page the browser lands on (default "CreatorDesk").
	AppName string
}

// Flow is one authorization-code flow with its loopback listener. Its
// methods are safe for concurrent use; Cancel may be called from anywhere.
type Flow struct {
	ln       net.Listener
	srv      *http.Server
	redirect string
	host     string
	appName  string

	ctx    context.Context // canceled when the flow ends
	cancel context.CancelFunc
	timer  *time.Timer

	mu       sync.Mutex
	cfg      *Config
	state    string
	verifier string
	handled  bool

	once   sync.Once
	done   chan struct{}
	result Token
	err    error
}

// Listen opens the loopback listener on 127.0.0.1 at a port the kernel
// picks and starts the flow's timeout. The redirect URI is known from here
// on (RedirectURI); call Authorize next.
func Listen(opts Options) (*Flow, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	name := strings.TrimSpace(opts.AppName)
	if name == "" {
		name = "CreatorDesk"
	}
	ctx, cancel := context.WithCancel(context.Background())
	f := &Flow{
		ln:       ln,
		host:     ln.Addr().String(),
		redirect: "http://" + ln.Addr().String() + CallbackPath,
		appName:  name,
		ctx:      ctx,
		cancel:   cancel,
		done:     make(chan struct{}),
	}
	f.srv = &http.Server{
		Handler:           http.HandlerFunc(f.serve),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       20 * time.Second,
		WriteTimeout:      tokenCallTimeout + 10*time.Second,
		MaxHeaderBytes:    16 << 10,
	}
	go func() { _ = f.srv.Serve(ln) }()
	f.mu.Lock()
	f.timer = time.AfterFunc(timeout, func() { f.finish(Token{}, ErrTimeout) })
	f.mu.Unlock()
	return f, nil
}

// RedirectURI is the loopback redirect URI of this flow
// ("http://127.0.0.1:<port>/callback").
func (f *Flow) RedirectURI() string { return f.redirect }

// Authorize fixes the client of the flow and returns the URL to open in the
// browser, with a fresh state and an S256 code challenge. It may be called once.
func (f *Flow) Authorize(cfg Config) (string, error) {
	if strings.TrimSpace(cfg.ClientID) == "" {
		return "", &ConfigError{Field: "clientId"}
	}
	if err := CheckEndpointURL(cfg.Endpoint.AuthURL); err != nil {
		return "", err
	}
	if err := CheckEndpointURL(cfg.Endpoint.TokenURL); err != nil {
		return "", err
	}
	u, err := url.Parse(cfg.Endpoint.AuthURL)
	if err != nil {
		return "", &ConfigError{Field: "endpoint"}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.cfg != nil {
		return "", errors.New("oauth: Authorize called twice")
	}
	f.cfg, f.state, f.verifier = &cfg, newState(), newVerifier()
	q := u.Query()
	for k, vs := range cfg.AuthParams {
		q[k] = append([]string(nil), vs...)
	}
	q.Set("response_type", "code")
	q.Set("client_id", cfg.ClientID)
	q.Set("redirect_uri", f.redirect)
	if s := cfg.scope(); s != "" {
		q.Set("scope", s)
	}
	q.Set("state", f.state)
	q.Set("code_challenge", S256Challenge(f.verifier))
	q.Set("code_challenge_method", "S256")
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// Wait blocks until the flow ends and returns its token: after the browser
// came back and the code was exchanged, or with ErrAccessDenied, an
// *AuthError, ErrStateMismatch, ErrTimeout, ErrCanceled (Cancel or ctx
// ended) or a *TokenError. The listener is closed when Wait returns.
func (f *Flow) Wait(ctx context.Context) (Token, error) {
	select {
	case <-f.done:
	case <-ctx.Done():
		f.finish(Token{}, ErrCanceled)
	}
	<-f.done
	return f.result, f.err
}

// Cancel ends the flow with ErrCanceled (no-op once it has ended).
func (f *Flow) Cancel() { f.finish(Token{}, ErrCanceled) }

// Done is closed when the flow has ended.
func (f *Flow) Done() <-chan struct{} { return f.done }

// finish records the flow's outcome once and closes the listener.
func (f *Flow) finish(tok Token, err error) {
	f.once.Do(func() {
		f.result, f.err = tok, err
		f.mu.Lock()
		f.timer.Stop()
		f.mu.Unlock()
		f.cancel()
		close(f.done)
		// Shut down from another goroutine: finish may run inside the
		// handler, whose page must still reach the browser. Shutdown stops
		// listening at once and lets that answer finish.
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			if f.srv.Shutdown(ctx) != nil {
				_ = f.srv.Close()
			}
			_ = f.ln.Close() // in case Serve had not started yet

		}()
	})
}

// serve handles the browser's redirect.
func (f *Flow) serve(w http.ResponseWriter, r *http.Request) {
	// Only this listener's own address: a page on another name resolving to
	// 127.0.0.1 (DNS rebinding) gets nothing.
	if r.Host != f.host {
		http.Error(w, "wrong host", http.StatusMisdirectedRequest)
		return
	}
	if r.URL.Path != CallbackPath || r.Method != http.MethodGet {
		http.NotFound(w, r)
		return
	}
	select {
	case <-f.done:
		writePage(w, http.StatusGone, f.appName, pageExpired)
		return
	default:
	}
	f.mu.Lock()
	cfg, state, verifier, handled := f.cfg, f.state, f.verifier, f.handled
	f.handled = true
	f.mu.Unlock()
	if handled || cfg == nil {
		writePage(w, http.StatusConflict, f.appName, pageExpired)
		return
	}
	q := r.URL.Query()
	got := q.Get("state")
	if subtle.ConstantTimeCompare([]byte(got), []byte(state)) != 1 {
		f.finish(Token{}, ErrStateMismatch)
		writePage(w, http.StatusBadRequest, f.appName, pageFailed)
		return
	}
	if e := q.Get("error"); e != "" {
		err := ErrAccessDenied
		if e != "access_denied" {
			err = &AuthError{Code: clean(e, 64), Description: clean(q.Get("error_description"), 300)}
		}
		f.finish(Token{}, err)
		writePage(w, http.StatusOK, f.appName, pageFailed)
		return
	}
	code := q.Get("code")
	if code == "" {
		f.finish(Token{}, ErrNoCode)
		writePage(w, http.StatusBadRequest, f.appName, pageFailed)
		return
	}
	tok, err := cfg.Exchange(f.ctx, code, verifier, f.redirect)
	if err != nil && f.ctx.Err() != nil {
		err = ErrCanceled // canceled or timed out while exchanging: finish keeps the first outcome anyway
	}
	f.finish(tok, err)
	if err != nil {
		writePage(w, http.StatusOK, f.appName, pageFailed)
		return
	}
	writePage(w, http.StatusOK, f.appName, pageDone)
}

// Run is a whole flow: Listen, Authorize, open the URL, Wait.
func Run(ctx context.Context, cfg Config, opts Options, open Opener) (Token, error) {
	f, err := Listen(opts)
	if err != nil {
		return Token{}, err
	}
	authURL, err := f.Authorize(cfg)
	if err != nil {
		f.Cancel()
		return Token{}, err
	}
	if open != nil {
		if err := open(ctx, authURL); err != nil {
			f.Cancel()
			return Token{}, err
		}
	}
	return f.Wait(ctx)
}

// IsLoopbackHost reports whether host names this machine.
func IsLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// clean makes a server string fit for one line: printable, at most n bytes.
func clean(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		s = strings.ToValidUTF8(s[:n], "") + "…"
	}
	return s
}
