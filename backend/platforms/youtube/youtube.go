// Package youtube is the connector for the YouTube Data API v3.
//
// YouTube has no direct-message API at all (channel messaging was removed in
// 2019 and the Data API never exposed it), so this connector reads and answers
// public comments only: every thread it reports is a comment thread
// (ThreadKind comment) whose id is the top-level comment's id, and Send posts a
// reply into such a thread.
//
// Poll walks commentThreads.list for every thread related to the account's
// channel (allThreadsRelatedToChannelId, order=time, newest first), with the
// replies YouTube leaves out of a thread fetched through comments.list, and
// video titles from videos.list. Optionally (Credentials.Extra "includeHeld"
// = "1") it walks the comments held for review and likely spam too, reported
// with Message.Hidden set, and reports them again with Hidden false once a
// moderator published them. Moderate hides, unhides,
// rejects and bans through comments.setModerationStatus and deletes the
// account's own comments.
//
// Every call costs YouTube quota units from a daily budget shared by the whole
// Google Cloud project (list 1, videos 1, channels 1, insert 50,
// setModerationStatus 50, delete 50; the budget resets at midnight Pacific
// time). The connector counts what it spends and refuses, with a
// KindRateLimited error lasting until the reset, a call the rest of the budget
// cannot pay for: see Quota, QuotaState and the Extra keys below.
package youtube

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"creatordesk/backend/platforms"
)

// Platform is the connector's stable platform name.
const Platform = "youtube"

// DefaultBaseURL is the YouTube Data API v3 root.
const DefaultBaseURL = "https://www.googleapis.com/youtube/v3"

// Credentials.Extra keys the connector reads. All are optional.
const (
	// ExtraIncludeHeld, set to "1" (or "true"), also walks the comments held
	// for review (moderationStatus=heldForReview), so they reach the inbox
	// before a moderator publishes them. It costs one more unit per sync cycle.
	ExtraIncludeHeld = "includeHeld"
	// ExtraDailyQuota is the daily budget in units (default 10000, YouTube's
	// default per project). Set it lower to leave room for other uses of the
	// same project, or higher after Google granted an extension.
	ExtraDailyQuota = "dailyQuota"
	// ExtraQuotaState is a value QuotaState returned earlier, so units spent
	// before a restart keep counting until the next reset.
	ExtraQuotaState = "quotaState"
	// ExtraQuotaProject names the Google Cloud project (for example its OAuth
	// client id). Connectors with the same name in one process share one
	// count, as the project's accounts share one quota at Google.
	ExtraQuotaProject = "quotaProject"
	// ExtraPollInterval is the least time between two incremental syncs when
	// the sync engine polls in a loop (a Go duration, default 5m).
	ExtraPollInterval = "pollInterval"
	// ExtraReplyLookback is how far back, measured from the newest activity
	// already synced, an incremental sync re-reads threads to find new replies
	// and edits on older threads (a Go duration, default 24h, at least 10m).
	ExtraReplyLookback = "replyLookback"
	// ExtraHeldInterval is the least time between two walks over the comments
	// held for review and likely spam (with ExtraIncludeHeld; a Go duration,
	// default 15m). Each walk reads both queues in full, at least 2 units.
	ExtraHeldInterval = "heldInterval"
)

// Defaults and limits.
const (
	// DefaultDailyQuota is YouTube's default daily quota per project, in units.
	DefaultDailyQuota = 10000
	// DefaultPollInterval is the default of ExtraPollInterval.
	DefaultPollInterval = 5 * time.Minute
	// DefaultHeldInterval is the default of ExtraHeldInterval.
	DefaultHeldInterval = 15 * time.Minute
	// DefaultReplyLookback is the default of ExtraReplyLookback.
	DefaultReplyLookback = 24 * time.Hour
	// minReplyLookback keeps an overlap however the lookback is set, so clock
	// differences between YouTube's servers never open a gap.
	minReplyLookback = 10 * time.Minute
	// MaxCommentLength is the longest reply YouTube accepts, in characters.
	MaxCommentLength = 10000
)

// QuotaReporter is implemented by the connector New returns; the app asserts
// it to show the day's quota use and to persist it (QuotaState) across restarts.
type QuotaReporter interface {
	// Quota returns the units used since the last reset, the daily budget and
	// the time of the next reset (midnight Pacific time).
	Quota() (usedToday, dailyBudget int, resetAt time.Time)
	// QuotaState returns the day's count as an opaque string for ExtraQuotaState.
	QuotaState() string
}

// connector implements platforms.Connector, platforms.Moderator and QuotaReporter.
type connector struct {
	// base is the API root without a trailing slash.
	base string
	// token is the OAuth access token when one was given; it travels only in
	// the Authorization header. With src set, tokens come from src instead.
	token        string
	src          TokenSource
	http         *http.Client
	now          func() time.Time
	includeHeld  bool
	pollInterval time.Duration
	heldInterval time.Duration
	lookback     time.Duration
	quota        *ledger

	mu sync.Mutex
	// used is the access token of the latest call (for redacting errors).
	used string
	// self is the token's channel, once known.
	self *channelInfo
	// titles caches video titles by video id ("" for a video YouTube did not return).
	titles map[string]string
}

// channelInfo is the account's own channel.
type channelInfo struct {
	id, title, handle string
}

// New builds a YouTube connector; it fits platforms.Factory. Token is an OAuth
// 2.0 access token with the youtube.force-ssl scope; BaseURL defaults to
// DefaultBaseURL. See the Extra* constants for settings.
func New(creds platforms.Credentials) (platforms.Connector, error) {
	return newConnector(creds, time.Now, nil, nil)
}

// TokenSource hands out OAuth access tokens for an account connected through
// the browser (backend/oauth's TokenSource behind an adapter that turns its
// failures into *platforms.Error: a refused refresh token is KindAuth).
type TokenSource interface {
	// Token returns an access token valid for a while yet.
	Token(ctx context.Context) (string, error)
	// Invalidate drops a cached access token the API refused.
	Invalidate()
}

// NewWithTokenSource builds a connector whose access tokens come from src,
// renewed before they lapse; creds.Token is not used. Settings are read from
// creds as in New.
func NewWithTokenSource(creds platforms.Credentials, src TokenSource) (platforms.Connector, error) {
	if src == nil {
		return nil, newError(platforms.KindAuth, 0, "missing token source")
	}
	return newConnector(creds, time.Now, src, nil)
}

// newConnector is New with a clock (tests pass a fixed one), an optional
// token source and an optional quota book.
func newConnector(creds platforms.Credentials, now func() time.Time, src TokenSource, book QuotaBook) (*connector, error) {
	if src == nil && strings.TrimSpace(creds.Token) == "" {
		return nil, newError(platforms.KindAuth, 0, "missing access token")
	}
	base, err := parseBase(creds.BaseURL)
	if err != nil {
		return nil, err
	}
	c := &connector{
		base:         base,
		token:        creds.Token,
		src:          src,
		http:         newHTTPClient(),
		now:          now,
		pollInterval: DefaultPollInterval,
		heldInterval: DefaultHeldInterval,
		lookback:     DefaultReplyLookback,
		titles:       map[string]string{},
	}
	extra := creds.Extra
	switch strings.ToLower(strings.TrimSpace(extra[ExtraIncludeHeld])) {
	case "", "0", "false", "no":
	case "1", "true", "yes":
		c.includeHeld = true
	default:
		return nil, errPermanent("invalid " + ExtraIncludeHeld + " setting (use 1 or 0)")
	}
	budget := DefaultDailyQuota
	if v := strings.TrimSpace(extra[ExtraDailyQuota]); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			return nil, errPermanent("invalid " + ExtraDailyQuota + " setting (a positive number of units)")
		}
		budget = n
	}
	for _, d := range []struct {
		key string
		to  *time.Duration
		min time.Duration
	}{{ExtraPollInterval, &c.pollInterval, 0}, {ExtraHeldInterval, &c.heldInterval, 0}, {ExtraReplyLookback, &c.lookback, minReplyLookback}} {
		v := strings.TrimSpace(extra[d.key])
		if v == "" {
			continue
		}
		dur, err := time.ParseDuration(v)
		if err != nil || dur < 0 {
			return nil, errPermanent("invalid " + d.key + " setting (a duration such as 5m or 24h)")
		}
		*d.to = max(dur, d.min)
	}
	c.quota = ledgerFor(strings.TrimSpace(extra[ExtraQuotaProject]), budget, book, now())
	if s := strings.TrimSpace(extra[ExtraQuotaState]); s != "" {
		c.quota.restore(s, now())
	}
	return c, nil
}

// parseBase checks the API root. Plain http is allowed only on loopback, so the
// access token never crosses a network unencrypted.
func parseBase(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return DefaultBaseURL, nil
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil, u.Host == "", u.User != nil, u.RawQuery != "", u.Fragment != "",
		u.Scheme != "http" && u.Scheme != "https":
		return "", errPermanent("invalid API base URL")
	case u.Scheme == "http" && !isLoopback(u.Hostname()):
		return "", errPermanent("API base URL must use https")
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

// Platform returns "youtube".
func (c *connector) Platform() string { return Platform }

// Capabilities reports comments only: listing, replying and moderating.
// There is no CapListThreads or CapSend: YouTube has no direct messages.
func (c *connector) Capabilities() []platforms.Capability {
	return []platforms.Capability{platforms.CapListComments, platforms.CapReplyComment, platforms.CapModerateComment}
}

// Verify calls channels.list with mine=true (1 unit) and returns the channel
// the token belongs to: its id, its @handle and its title.
func (c *connector) Verify(ctx context.Context) (platforms.AccountInfo, error) {
	const op = "verify"
	var resp struct {
		Items []apiChannel `json:"items"`
	}
	q := url.Values{"part": {"snippet"}, "mine": {"true"}}
	if err := c.do(ctx, call{op: op, api: apiChannelsList, path: "/channels", query: q}, &resp); err != nil {
		return platforms.AccountInfo{}, err
	}
	if len(resp.Items) == 0 {
		return platforms.AccountInfo{}, errPermanent(op + ": this Google account has no YouTube channel; create one on youtube.com, then connect again")
	}
	ch := resp.Items[0]
	if !validID(ch.ID) {
		return platforms.AccountInfo{}, errTransient(op + ": malformed response: channel without a usable id")
	}
	info := channelInfo{id: ch.ID, title: ch.Snippet.Title, handle: ch.Snippet.CustomURL}
	if info.handle != "" && !strings.HasPrefix(info.handle, "@") {
		info.handle = "@" + info.handle
	}
	c.mu.Lock()
	c.self = &info
	c.mu.Unlock()
	return platforms.AccountInfo{ExternalID: info.id, Handle: info.handle, DisplayName: info.title}, nil
}

// selfInfo returns the token's channel, calling Verify the first time.
func (c *connector) selfInfo(ctx context.Context) (channelInfo, error) {
	c.mu.Lock()
	self := c.self
	c.mu.Unlock()
	if self != nil {
		return *self, nil
	}
	if _, err := c.Verify(ctx); err != nil {
		return channelInfo{}, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return *c.self, nil
}
