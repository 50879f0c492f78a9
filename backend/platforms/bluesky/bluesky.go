// Package bluesky is the connector for Bluesky (the AT Protocol).
//
// It logs in with a handle (or DID) and an app password, keeps the session
// (access and refresh JWTs) in memory shared by every connector of the same
// Sessions, refreshes it when the access token expires, and logs in again only
// when the refresh JWT is rejected: createSession is capped at 30 calls per 5
// minutes and 300 per day per handle, so it is never called per sync.
//
// Poll follows two streams behind one opaque cursor: direct messages (a full
// walk of chat.bsky.convo.listConvos and getMessages on the first sync, then
// chat.bsky.convo.getLog), and replies, mentions and quotes of the account's
// posts (app.bsky.notification.listNotifications). Send answers a DM convo
// or replies to a post; Moderate hides replies through the root post's
// threadgate, mutes, blocks, reports and deletes the account's own posts;
// Publish writes a post.
package bluesky

import (
	"context"
	"net/url"
	"regexp"
	"strings"

	"creatordesk/backend/platforms"
)

// Platform is the connector's stable platform name.
const Platform = "bluesky"

// DefaultBaseURL is the entryway used when Credentials.BaseURL is empty.
const DefaultBaseURL = "https://bsky.social"

// IdentifierKey is the Credentials.Extra key of the account's handle or DID.
const IdentifierKey = "identifier"

// XRPC methods the connector reads with besides the chat and notification streams.
const (
	nsidGetProfile = "app.bsky.actor.getProfile"
	nsidGetPosts   = "app.bsky.feed.getPosts"
)

// connector implements platforms.Connector, Moderator and Publisher for one account.
type connector struct {
	sessions *Sessions
	acct     *account
	// base is the PDS or entryway address without a trailing slash.
	base       string
	identifier string
	// password is the app password; it must never leave this package.
	password string
}

// Interface checks.
var (
	_ platforms.Connector = (*connector)(nil)
	_ platforms.Moderator = (*connector)(nil)
	_ platforms.Publisher = (*connector)(nil)
)

// New builds a Bluesky connector sharing sessions with every other connector
// New builds; it fits platforms.Factory. Sessions live in memory only: use
// NewSessions(store).New to keep refresh JWTs across restarts.
func New(creds platforms.Credentials) (platforms.Connector, error) {
	return defaultSessions.New(creds)
}

// New builds a connector for creds: Token is the app password,
// Extra["identifier"] the handle or DID, BaseURL the PDS or entryway
// (DefaultBaseURL when empty). No network call is made; Verify logs in.
func (s *Sessions) New(creds platforms.Credentials) (platforms.Connector, error) {
	password := strings.TrimSpace(creds.Token)
	if password == "" {
		return nil, errAuth("missing app password")
	}
	identifier := NormalizeIdentifier(creds.Extra[IdentifierKey])
	if identifier == "" {
		return nil, errAuth("missing handle or DID (Credentials.Extra[\"identifier\"])")
	}
	base := normalizeBase(creds.BaseURL)
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, errPermanent("invalid base URL")
	}
	return &connector{
		sessions:   s,
		acct:       s.lookup(base, identifier),
		base:       base,
		identifier: identifier,
		password:   password,
	}, nil
}

// normalizeBase applies the default address and drops trailing slashes.
func normalizeBase(base string) string {
	base = strings.TrimRight(strings.TrimSpace(base), "/")
	if base == "" {
		return DefaultBaseURL
	}
	return base
}

// appPasswordPattern is the shape of a Bluesky app password: four groups of
// four lower-case letters or digits.
var appPasswordPattern = regexp.MustCompile(`^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$`)

// ValidAppPasswordFormat reports whether s looks like an app password
// (xxxx-xxxx-xxxx-xxxx). It only checks the shape, so the UI can refuse the
// account's main password, which would give CreatorDesk full control of the
// account, without a network call; Verify tells whether Bluesky accepts it.
func ValidAppPasswordFormat(s string) bool {
	return appPasswordPattern.MatchString(s)
}

// NormalizeIdentifier trims a handle or DID as people type it ("@Alice.bsky.social ").
func NormalizeIdentifier(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "@")
	if strings.HasPrefix(s, "did:") {
		return s
	}
	return strings.ToLower(s)
}

// Platform returns "bluesky".
func (c *connector) Platform() string { return Platform }

// Capabilities reports DMs, comments (replies, mentions, quotes), moderation and publishing.
func (c *connector) Capabilities() []platforms.Capability {
	return []platforms.Capability{
		platforms.CapListThreads, platforms.CapFetchMessages, platforms.CapSend,
		platforms.CapListComments, platforms.CapReplyComment, platforms.CapModerateComment,
		platforms.CapPublish,
	}
}

// Verify logs in with the app password (reusing the session only if it was
// created with this very password), checks that the app password may use
// direct messages, and returns the account's DID, handle and display name.
func (c *connector) Verify(ctx context.Context) (platforms.AccountInfo, error) {
	did, handle, err := c.prove(ctx)
	if err != nil {
		return platforms.AccountInfo{}, err
	}
	var convos listConvosOutput
	q := url.Values{"limit": {"1"}}
	if err := c.xrpc(ctx, call{nsid: nsidListConvos, query: q, chat: true}, &convos); err != nil {
		return platforms.AccountInfo{}, err
	}
	info := platforms.AccountInfo{ExternalID: did, Handle: handle}
	var profile profileView
	if err := c.xrpc(ctx, call{nsid: nsidGetProfile, query: url.Values{"actor": {did}}}, &profile); err == nil {
		info.DisplayName = strings.TrimSpace(profile.DisplayName)
		if profile.Handle != "" {
			info.Handle = profile.Handle
		}
	} else if ctx.Err() != nil {
		return platforms.AccountInfo{}, err
	}
	return info, nil
}
