// Package meta is the connector for Meta's Graph API: Instagram professional
// accounts through the Instagram API with Instagram Login (graph.instagram.com)
// and Facebook Pages with Messenger (graph.facebook.com).
//
// Both flavours share the Graph plumbing in this package: a versioned base
// URL, cursor pagination (paging.cursors.after, paging.next), the error
// envelope {error:{code,error_subcode,type,message,fbtrace_id}} mapped to
// typed platforms errors, and the usage headers (X-App-Usage,
// X-Business-Use-Case-Usage, X-Page-Usage) that slow polling down before Meta
// throttles it. Each account has one limiter shared by every connector the
// factory builds for it, so the Instagram conversations edge is never called
// more than twice a second per account, whatever the engine does.
//
// Poll reads two streams: direct-message conversations (the 20 newest
// messages of every conversation updated since the last cycle; Meta gives no
// details for older ones) and comments on the account's newest media or Page
// posts (one comment thread per post). Comments that disappear from a post
// are reported as deleted; hidden comments stay visible to the account and
// are reported like any other. Unsent direct messages are not reported: Meta
// announces those only through webhooks, which a desktop app cannot receive.
package meta

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"creatordesk/backend/platforms"
)

// Platform names of the two flavours.
const (
	PlatformInstagram = "instagram"
	PlatformFacebook  = "facebook"
)

// DefaultVersion is the Graph API version used unless ExtraVersion says otherwise.
const DefaultVersion = "v25.0"

// Credentials.Extra keys this connector reads (non-secret settings).
const (
	// ExtraPageID is the Facebook Page's id (required for facebook).
	ExtraPageID = "page_id"
	// ExtraVersion overrides the Graph API version ("v26.0").
	ExtraVersion = "api_version"
	// ExtraHumanAgent, set to "true", says the app holds Meta's Human Agent
	// permission: replies then use the HUMAN_AGENT tag, which keeps the thread
	// open for 7 days instead of 24 hours.
	ExtraHumanAgent = "human_agent"
)

// Public hosts of the two APIs.
const (
	instagramHost = "https://graph.instagram.com"
	facebookHost  = "https://graph.facebook.com"
)

// Messaging windows Meta's policy sets.
const (
	// StandardWindow is how long after a person's last message any reply is accepted.
	StandardWindow = 24 * time.Hour
	// HumanAgentWindow is how long a human agent may answer with the HUMAN_AGENT tag.
	HumanAgentWindow = 7 * 24 * time.Hour
	// PrivateReplyWindow is how long after a comment its one private reply is accepted.
	PrivateReplyWindow = 7 * 24 * time.Hour
)

// flavor tells Instagram from Facebook.
type flavor int

const (
	instagram flavor = iota
	facebook
)

// platform returns the flavour's platform name.
func (f flavor) platform() string {
	if f == facebook {
		return PlatformFacebook
	}
	return PlatformInstagram
}

// Options are what a Factory shares between the connectors it builds.
type Options struct {
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// Sleep waits d or until ctx ends (a real timer when nil); tests replace it.
	Sleep func(ctx context.Context, d time.Duration) error
	// HTTP is the client for API calls (platforms.NewHTTPClient when nil).
	HTTP *http.Client
	// UsageThreshold is the usage percentage (of any usage header) above which
	// calls are spaced out (DefaultUsageThreshold when zero).
	UsageThreshold int
}

// Factory builds Meta connectors that share one limiter per account.
type Factory struct {
	opts Options

	mu       sync.Mutex
	limiters map[string]*limiter
}

// NewFactory returns a factory; one per workspace.
func NewFactory(opts Options) *Factory {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Sleep == nil {
		opts.Sleep = sleepCtx
	}
	if opts.HTTP == nil {
		opts.HTTP = platforms.NewHTTPClient(callTimeout)
	}
	if opts.UsageThreshold <= 0 {
		opts.UsageThreshold = DefaultUsageThreshold
	}
	return &Factory{opts: opts, limiters: map[string]*limiter{}}
}

// defaultFactory serves NewInstagram and NewFacebook.
var defaultFactory = NewFactory(Options{})

// NewInstagram builds an Instagram connector with the package's shared limiters; it fits platforms.Factory.
func NewInstagram(creds platforms.Credentials) (platforms.Connector, error) {
	return defaultFactory.Instagram(creds)
}

// NewFacebook builds a Facebook Page connector with the package's shared limiters; it fits platforms.Factory.
func NewFacebook(creds platforms.Credentials) (platforms.Connector, error) {
	return defaultFactory.Facebook(creds)
}

// Instagram builds a connector for an Instagram professional account; it fits
// platforms.Factory. Token is an Instagram User access token (Instagram Login).
func (f *Factory) Instagram(creds platforms.Credentials) (platforms.Connector, error) {
	return f.build(instagram, creds)
}

// Facebook builds a connector for a Facebook Page and its Messenger inbox; it
// fits platforms.Factory. Token is a Page access token and Extra[ExtraPageID]
// the Page's id.
func (f *Factory) Facebook(creds platforms.Credentials) (platforms.Connector, error) {
	return f.build(facebook, creds)
}

// connector implements platforms.Connector, Moderator, PrivateReplier,
// WindowReporter and TokenRefresher for one account.
type connector struct {
	flavor flavor
	// host is the API root without a version; base adds the version. Neither ends in a slash.
	host       string
	base       string
	token      string
	pageID     string
	humanAgent bool
	http       *http.Client
	now        func() time.Time
	sleep      func(ctx context.Context, d time.Duration) error
	lim        *limiter

	mu   sync.Mutex
	self *platforms.AccountInfo
}

// versionPattern is the shape of a Graph API version.
var versionPattern = regexp.MustCompile(`^v\d{1,3}\.\d{1,2}$`)

// idPattern is the shape of Graph ids used in paths (numbers, and the base64-ish ids of IG messages and conversations).
var idPattern = regexp.MustCompile(`^[A-Za-z0-9_\-=.:]{1,200}$`)

// validID reports whether id can go into a URL path as it is.
func validID(id string) bool { return idPattern.MatchString(id) }

func (f *Factory) build(fl flavor, creds platforms.Credentials) (platforms.Connector, error) {
	p := fl.platform()
	token := strings.TrimSpace(creds.Token)
	if token == "" {
		return nil, newError(p, platforms.KindAuth, 0, "missing access token")
	}
	version := strings.TrimSpace(creds.Extra[ExtraVersion])
	if version == "" {
		version = DefaultVersion
	}
	if !versionPattern.MatchString(version) {
		return nil, newError(p, platforms.KindPermanent, 0, "invalid Graph API version "+version)
	}
	host := instagramHost
	if fl == facebook {
		host = facebookHost
	}
	if strings.TrimSpace(creds.BaseURL) != "" {
		var err error
		if host, err = parseBase(p, creds.BaseURL); err != nil {
			return nil, err
		}
	}
	pageID := strings.TrimSpace(creds.Extra[ExtraPageID])
	if fl == facebook {
		if pageID == "" {
			return nil, newError(p, platforms.KindPermanent, 0, "missing Page id")
		}
		if !validID(pageID) {
			return nil, newError(p, platforms.KindPermanent, 0, "invalid Page id")
		}
	}
	return &connector{
		flavor: fl, host: host, base: host + "/" + version, token: token, pageID: pageID,
		humanAgent: creds.Extra[ExtraHumanAgent] == "true",
		http:       f.opts.HTTP, now: f.opts.Now, sleep: f.opts.Sleep,
		lim: f.limiter(p+" "+host+" "+pageID+" "+fingerprint(token), f.opts.UsageThreshold),
	}, nil
}

// limiter returns the account's shared limiter, creating it on first use.
func (f *Factory) limiter(key string, threshold int) *limiter {
	f.mu.Lock()
	defer f.mu.Unlock()
	l := f.limiters[key]
	if l == nil {
		l = &limiter{threshold: threshold, usage: -1}
		f.limiters[key] = l
	}
	return l
}

// fingerprint identifies a token without keeping it.
func fingerprint(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:8])
}

// parseBase checks an API address override. Plain http is allowed only on
// loopback (the fakes), so a token never crosses a network unencrypted.
func parseBase(p, raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	bad := newError(p, platforms.KindPermanent, 0, "invalid API URL")
	switch {
	case err != nil, u.Host == "", u.User != nil, u.RawQuery != "", u.Fragment != "",
		u.Scheme != "http" && u.Scheme != "https":
		return "", bad
	case u.Scheme == "http" && !isLoopback(u.Hostname()):
		return "", newError(p, platforms.KindPermanent, 0, "API URL must use https")
	}
	return u.Scheme + "://" + u.Host + strings.TrimRight(u.EscapedPath(), "/"), nil
}

// isLoopback reports whether host names this machine.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Platform returns "instagram" or "facebook".
func (c *connector) Platform() string { return c.flavor.platform() }

// Capabilities lists what is implemented: DM threads and messages, send,
// comments (list, reply, hide, unhide, delete) and private replies.
func (c *connector) Capabilities() []platforms.Capability {
	caps := []platforms.Capability{
		platforms.CapListThreads, platforms.CapFetchMessages, platforms.CapSend,
		platforms.CapListComments, platforms.CapReplyComment, platforms.CapModerateComment,
		platforms.CapPrivateReply, platforms.CapSendAttachment,
	}
	if c.flavor == facebook {
		caps = append(caps, platforms.CapPublish) // Page posts; Instagram publishing needs media
	}
	return caps
}

// MessagingWindow reports Meta's windows: DMs 24 h after the person's last
// message (7 days with the Human Agent permission), public comment replies
// without a window, and one private reply within 7 days of a comment.
func (c *connector) MessagingWindow(kind platforms.ThreadKind) platforms.ThreadWindow {
	if kind == platforms.ThreadComment {
		return platforms.ThreadWindow{PrivateReply: PrivateReplyWindow}
	}
	w := platforms.ThreadWindow{Open: StandardWindow}
	if c.humanAgent {
		w.Extended = HumanAgentWindow
	}
	return w
}

// Verify reads the account the token belongs to: the Instagram professional
// account (GET /me?fields=user_id,username,name) or the Page (GET
// /me?fields=id,name,username with a Page token, which must be the Page named
// by ExtraPageID).
func (c *connector) Verify(ctx context.Context) (platforms.AccountInfo, error) {
	var me apiMe
	fields := "user_id,username,name"
	if c.flavor == facebook {
		fields = "id,name,username"
	}
	if err := c.get(ctx, "verify", "/me", url.Values{"fields": {fields}}, &me); err != nil {
		return platforms.AccountInfo{}, err
	}
	info := platforms.AccountInfo{ExternalID: me.ID, Handle: me.Username, DisplayName: me.Name}
	if c.flavor == instagram && me.UserID != "" {
		info.ExternalID = me.UserID // the professional account's id, which messages and comments carry
	}
	if info.ExternalID == "" {
		return platforms.AccountInfo{}, c.errTransient("verify: account without id")
	}
	if c.flavor == facebook && info.ExternalID != c.pageID {
		return platforms.AccountInfo{}, newError(c.Platform(), platforms.KindAuth, 0,
			"this token is not a Page access token for Page "+c.pageID+"; paste the token of that Page")
	}
	if info.DisplayName == "" {
		info.DisplayName = info.Handle
	}
	c.mu.Lock()
	c.self = &info
	c.mu.Unlock()
	return info, nil
}

// selfID returns the account's id, calling Verify the first time.
func (c *connector) selfID(ctx context.Context) (string, error) {
	c.mu.Lock()
	self := c.self
	c.mu.Unlock()
	if self != nil {
		return self.ExternalID, nil
	}
	info, err := c.Verify(ctx)
	return info.ExternalID, err
}

// owner is the path segment of the account's own edges: "me" on Instagram, the Page id on Facebook.
func (c *connector) owner() string {
	if c.flavor == facebook {
		return c.pageID
	}
	return "me"
}

// sleepCtx waits d or until ctx ends.
func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
