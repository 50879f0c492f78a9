// Package tiktok is the connector for the comment features of TikTok's API
// for Business (business-api.tiktok.com/open_api/v1.3), for one TikTok
// Business account that authorised the person's developer app.
//
// What it does: list the account's videos (GET /business/video/list/), read
// each video's comments with their replies, public and hidden (GET
// /business/comment/list/ with include_replies, and /business/comment/reply/list/
// for the rest of a long reply chain), reply to a comment (POST
// /business/comment/reply/create/) or comment on a video (POST
// /business/comment/create/), hide and unhide a comment (POST
// /business/comment/hide/, action HIDE|UNHIDE, video_id required), and delete
// a comment the account wrote itself (POST /business/comment/delete/; TikTok
// deletes no one else's). Access tokens last about 24 hours; with the
// refresh token and the app's id and secret they are renewed
// (POST /tt_user/oauth2/refresh_token/, the refresh token rotates and lasts
// about a year).
//
// What TikTok does not offer, and so this connector does not do: anything for
// personal (non-Business) accounts; direct messages (the Business Messaging
// API is a beta closed to accounts in the EEA, Switzerland and the UK and
// limited elsewhere; it is not used here); editing comments.
//
// Facts confirmed while writing it (from the open-source python-tiktok SDK,
// sns-sdks/python-tiktok, which mirrors the portal docs, and the project's
// platform reference): the base URL and v1.3; the Access-Token header; the
// {"code","message","request_id","data"} envelope where a non-zero code is an
// error even with HTTP 200; the endpoints and parameters above (business_id,
// video_id, comment_id, fields as a JSON array, cursor and max_count with
// has_more; max_count ≤ 20 for videos and ≤ 30 for comments; status
// PUBLIC|ALL; sort_field create_time; action HIDE|UNHIDE); comment fields
// comment_id, video_id, unique_identifier, user_id, create_time (Unix
// seconds), text, likes, replies, owner, status, username, parent_comment_id,
// reply_list; a reply's text is at most 150 characters; the refresh answer
// (access_token, expires_in 86400, refresh_token, refresh_token_expires_in,
// open_id). Not confirmed (third-party pages disagree): the numeric error
// codes. The connector treats 40100 as "too many requests" (one SDK's enum
// says so) and 40102/40104/40105 and HTTP 401 as an invalid or expired token;
// every other 4xxxx code is permanent and 5xxxx transient.
package tiktok

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"

	"creatordesk/backend/platforms"
)

// Platform is the platform name.
const Platform = "tiktok"

// Credentials.Extra keys this connector reads (non-secret settings).
const (
	// ExtraBusinessID is the account's business_id (the open_id of its token; required).
	ExtraBusinessID = "business_id"
)

// defaultBase is the public API root.
const defaultBase = "https://business-api.tiktok.com/open_api/v1.3"

// AppCredentials returns the developer app's id and secret, which renewing a
// token needs ("" when the person has not saved them).
type AppCredentials func(ctx context.Context) (appID, secret string, err error)

// Options tune the connectors a Factory builds.
type Options struct {
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// Sleep waits d or until ctx ends (platforms.SleepContext when nil).
	Sleep func(ctx context.Context, d time.Duration) error
	// HTTP is the client for API calls (platforms.NewHTTPClient when nil).
	HTTP *http.Client
	// App gives the app credentials token renewal needs (nil: renewal is not possible).
	App AppCredentials
}

// Factory builds TikTok connectors.
type Factory struct{ opts Options }

// NewFactory returns a factory with opts (defaults filled in).
func NewFactory(opts Options) *Factory {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Sleep == nil {
		opts.Sleep = platforms.SleepContext
	}
	if opts.HTTP == nil {
		opts.HTTP = platforms.NewHTTPClient(callTimeout)
	}
	return &Factory{opts: opts}
}

// New builds a connector with default options and no app credentials; it fits platforms.Factory.
func New(creds platforms.Credentials) (platforms.Connector, error) {
	return NewFactory(Options{}).New(creds)
}

// connector implements platforms.Connector, Moderator and TokenRefresher for one account.
type connector struct {
	base       string // API root including /open_api/v1.3, no trailing slash
	tok        Token
	businessID string
	http       *http.Client
	now        func() time.Time
	sleep      func(ctx context.Context, d time.Duration) error
	app        AppCredentials

	mu   sync.Mutex
	self *platforms.AccountInfo
}

// idPattern is the shape of TikTok ids used in requests (business ids are
// opaque strings such as "-000abc..."; video and comment ids are digits).
var idPattern = regexp.MustCompile(`^[A-Za-z0-9_\-.]{1,128}$`)

// validID reports whether id can go into a request as it is.
func validID(id string) bool { return idPattern.MatchString(id) }

// New builds a connector; Token is the access token or a token bundle (see ParseToken).
func (f *Factory) New(creds platforms.Credentials) (platforms.Connector, error) {
	tok, err := ParseToken(creds.Token)
	if err != nil {
		return nil, newError(platforms.KindAuth, 0, err.Error())
	}
	businessID := strings.TrimSpace(creds.Extra[ExtraBusinessID])
	if !validID(businessID) {
		return nil, newError(platforms.KindPermanent, 0, "missing or invalid business id (the open_id TikTok returned with the token)")
	}
	base := defaultBase
	if strings.TrimSpace(creds.BaseURL) != "" {
		host, err := platforms.ParseAPIBase(creds.BaseURL)
		if err != nil {
			return nil, newError(platforms.KindPermanent, 0, err.Error())
		}
		base = host
		if !strings.HasSuffix(base, "/open_api/v1.3") {
			base += "/open_api/v1.3"
		}
	}
	return &connector{base: base, tok: tok, businessID: businessID,
		http: f.opts.HTTP, now: f.opts.Now, sleep: f.opts.Sleep, app: f.opts.App}, nil
}

// Platform returns "tiktok".
func (c *connector) Platform() string { return Platform }

// Capabilities: comments (list, reply, hide/unhide, delete own). No direct
// messages, no publishing.
func (c *connector) Capabilities() []platforms.Capability {
	return []platforms.Capability{platforms.CapListComments, platforms.CapReplyComment, platforms.CapModerateComment}
}

// MessagingWindow: comment replies have no window.
func (c *connector) MessagingWindow(platforms.ThreadKind) platforms.ThreadWindow {
	return platforms.ThreadWindow{}
}

// Verify reads the account (GET /business/get/) and refuses one that is not a Business account.
func (c *connector) Verify(ctx context.Context) (platforms.AccountInfo, error) {
	var acc struct {
		IsBusiness  *bool  `json:"is_business_account"`
		Username    string `json:"username"`
		DisplayName string `json:"display_name"`
	}
	q := map[string]string{"business_id": c.businessID, "fields": `["username","display_name","is_business_account"]`}
	if err := c.do(ctx, call{op: "verify", method: http.MethodGet, path: "/business/get/", query: q}, &acc); err != nil {
		return platforms.AccountInfo{}, err
	}
	if acc.IsBusiness != nil && !*acc.IsBusiness {
		return platforms.AccountInfo{}, newError(platforms.KindPermanent, 0,
			"verify: this is a personal TikTok account; TikTok offers comment APIs only for Business accounts (switch it in the TikTok app: Settings → Account → Switch to Business Account)")
	}
	info := platforms.AccountInfo{ExternalID: c.businessID, Handle: acc.Username, DisplayName: acc.DisplayName}
	if info.DisplayName == "" {
		info.DisplayName = info.Handle
	}
	c.mu.Lock()
	c.self = &info
	c.mu.Unlock()
	return info, nil
}
