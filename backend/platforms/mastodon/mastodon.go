// Package mastodon is the connector for the Mastodon REST API (and servers
// that speak it).
//
// It reads two streams of one account: direct conversations (each
// conversation's last status plus its thread, as DM threads) and mention
// notifications (as comments, threaded under the post they answer). It sends
// replies, publishes posts and moderates with block, mute, report and delete.
// It keeps no state that matters between calls: the Poll cursor holds the
// pagination position of both streams; in-memory caches (own account id,
// instance limits, thread roots) only save requests.
package mastodon

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"creatordesk/backend/platforms"
)

// Platform is the connector's stable platform name.
const Platform = "mastodon"

// ExtraIncludeFiltered is the Credentials.Extra key that, set to "true", asks
// Mastodon 4.3+ to include mentions its notification policy filtered out (for
// example from accounts a moderator limited). By default the account's own
// policy applies.
const ExtraIncludeFiltered = "include_filtered"

// connector implements platforms.Connector, platforms.Moderator and
// platforms.Publisher for one account on one instance.
type connector struct {
	// base is the instance's scheme, host and optional path prefix, without a trailing slash.
	base string
	// token is the OAuth access token; it travels only in the Authorization header.
	token           string
	includeFiltered bool
	http            *http.Client

	mu sync.Mutex
	// self is the account the token belongs to, once known.
	self *apiAccount
	// maxChars is the instance's status length limit, once known.
	maxChars int
	rate     rateLimit
	roots    rootCache
}

// New builds a Mastodon connector; it fits platforms.Factory. BaseURL is the
// instance ("https://mastodon.social"; a bare host name means https) and Token
// the OAuth access token.
func New(creds platforms.Credentials) (platforms.Connector, error) {
	if strings.TrimSpace(creds.Token) == "" {
		return nil, newError(platforms.KindAuth, 0, "missing access token")
	}
	base, err := parseBase(creds.BaseURL)
	if err != nil {
		return nil, err
	}
	return &connector{
		base:            base,
		token:           creds.Token,
		includeFiltered: creds.Extra[ExtraIncludeFiltered] == "true",
		http:            newHTTPClient(),
		rate:            rateLimit{remaining: -1, limit: -1},
		roots:           rootCache{m: map[string]rootInfo{}},
	}, nil
}

// parseBase checks an instance address. Plain http is allowed only on loopback,
// so the access token never crosses a network unencrypted.
func parseBase(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", errPermanent("missing instance URL")
	}
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil, u.Host == "", u.User != nil, u.RawQuery != "", u.Fragment != "",
		u.Scheme != "http" && u.Scheme != "https":
		return "", errPermanent("invalid instance URL")
	case u.Scheme == "http" && !isLoopback(u.Hostname()):
		return "", errPermanent("instance URL must use https")
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

// Platform returns "mastodon".
func (c *connector) Platform() string { return Platform }

// Capabilities reports DMs (conversations), comments (mentions), replies,
// moderation (block, mute, report, delete own) and publishing.
func (c *connector) Capabilities() []platforms.Capability {
	return []platforms.Capability{
		platforms.CapListThreads, platforms.CapFetchMessages, platforms.CapSend,
		platforms.CapListComments, platforms.CapReplyComment, platforms.CapModerateComment,
		platforms.CapPublish,
	}
}

// Verify calls verify_credentials and returns the account the token belongs to.
func (c *connector) Verify(ctx context.Context) (platforms.AccountInfo, error) {
	var me apiAccount
	if _, err := c.do(ctx, request{op: "verify_credentials", method: http.MethodGet, path: "/api/v1/accounts/verify_credentials", read: true}, &me); err != nil {
		return platforms.AccountInfo{}, err
	}
	if me.ID == "" {
		return platforms.AccountInfo{}, errTransient("verify_credentials: account without id")
	}
	c.mu.Lock()
	c.self = &me
	c.mu.Unlock()
	return platforms.AccountInfo{ExternalID: string(me.ID), Handle: me.Acct, DisplayName: me.name()}, nil
}

// selfID returns the token's account id, calling Verify the first time.
func (c *connector) selfID(ctx context.Context) (string, error) {
	c.mu.Lock()
	self := c.self
	c.mu.Unlock()
	if self != nil {
		return string(self.ID), nil
	}
	info, err := c.Verify(ctx)
	return info.ExternalID, err
}

// rateLimit is the latest X-RateLimit-* state an answer reported.
type rateLimit struct {
	remaining, limit int
	reset            time.Time
}

// RateLimit returns the latest X-RateLimit-Remaining, X-RateLimit-Limit and
// X-RateLimit-Reset the instance sent (-1, -1 and the zero time before any).
// Mastodon reports the limit closest to running out; the sync engine may use
// it to slow down before a 429. It is not part of platforms.Connector: assert
// interface{ RateLimit() (int, int, time.Time) }.
func (c *connector) RateLimit() (remaining, limit int, reset time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.rate.remaining, c.rate.limit, c.rate.reset
}
