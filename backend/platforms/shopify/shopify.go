// Package shopify connects the brand's own Shopify store through the GraphQL
// Admin API (REST is legacy since October 2024): it lists orders incrementally,
// creates creator discount codes and reads their usage. A store is not a
// messaging platform: the connector declares only CapListOrders, and its Poll
// has no messages to return.
//
// Auth: either an Admin API access token from an existing custom app
// ("shpat_…", pasted), or a Dev Dashboard app's client id (Extra["client_id"])
// with its client secret as the token, exchanged through the client credentials
// grant for tokens of about 24 hours that are renewed before they lapse.
package shopify

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"creatordesk/backend/platforms"
)

// Platform is the connector's platform name.
const Platform = "shopify"

// DefaultAPIVersion is the Admin API version used unless Extra["api_version"] names another.
const DefaultAPIVersion = "2026-04"

// Extra keys the connector reads.
const (
	// ClientIDKey holds a Dev Dashboard app's client id; the token is then its client secret.
	ClientIDKey = "client_id"
	// APIVersionKey overrides DefaultAPIVersion.
	APIVersionKey = "api_version"
)

// connector talks to one shop.
type connector struct {
	base       string
	apiVersion string
	clientID   string
	secret     string
	http       *http.Client
	now        func() time.Time

	mu      sync.Mutex
	token   string
	expires time.Time
}

// New builds a connector from credentials (the platforms.Factory).
func New(creds platforms.Credentials) (platforms.Connector, error) {
	return newConnector(creds, time.Now)
}

// newConnector builds a connector with a clock (tests inject one).
func newConnector(creds platforms.Credentials, now func() time.Time) (*connector, error) {
	base := strings.TrimRight(strings.TrimSpace(creds.BaseURL), "/")
	u, err := url.Parse(base)
	if base == "" || err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return nil, errPermanent("the shop address is missing or not a URL (use https://YOUR-SHOP.myshopify.com)")
	}
	if strings.TrimSpace(creds.Token) == "" {
		return nil, errAuth("no access token or client secret")
	}
	c := &connector{base: base, apiVersion: DefaultAPIVersion, http: platforms.NewHTTPClient(callTimeout), now: now}
	if v := creds.Extra[APIVersionKey]; v != "" {
		c.apiVersion = v
	}
	if id := strings.TrimSpace(creds.Extra[ClientIDKey]); id != "" {
		c.clientID, c.secret = id, strings.TrimSpace(creds.Token)
	} else {
		c.token = strings.TrimSpace(creds.Token)
	}
	return c, nil
}

// ValidTokenFormat accepts an Admin API token (shpat_, shpca_, shppa_ …) or a
// client secret (shpss_ …): long, printable and without spaces.
func ValidTokenFormat(tok string) bool {
	tok = strings.TrimSpace(tok)
	if len(tok) < 20 || len(tok) > 512 || strings.ContainsAny(tok, " \t\r\n") {
		return false
	}
	return true
}

// Platform implements platforms.Connector.
func (c *connector) Platform() string { return Platform }

// Capabilities implements platforms.Connector: orders only, no messages.
func (c *connector) Capabilities() []platforms.Capability {
	return []platforms.Capability{platforms.CapListOrders}
}

// Verify reads the shop's identity.
func (c *connector) Verify(ctx context.Context) (platforms.AccountInfo, error) {
	var out struct {
		Shop struct {
			ID               string `json:"id"`
			Name             string `json:"name"`
			MyshopifyDomain  string `json:"myshopifyDomain"`
			CurrencyCodeText string `json:"currencyCode"`
		} `json:"shop"`
	}
	if err := c.graphql(ctx, "shop", queryShop, nil, &out); err != nil {
		return platforms.AccountInfo{}, err
	}
	if out.Shop.ID == "" {
		return platforms.AccountInfo{}, errTransient("shop: the answer has no shop id")
	}
	return platforms.AccountInfo{ExternalID: out.Shop.ID, Handle: out.Shop.MyshopifyDomain, DisplayName: out.Shop.Name}, nil
}

// Poll has no messages to fetch from a shop. It waits like a long poll (so a
// sync loop that still runs for the account stays idle) and returns an empty page.
func (c *connector) Poll(ctx context.Context, cursor string, opts platforms.PollOptions) (platforms.Page, error) {
	if opts.Wait > 0 {
		t := time.NewTimer(opts.Wait)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return platforms.Page{}, ctx.Err()
		case <-t.C:
		}
	}
	return platforms.Page{Cursor: cursor}, nil
}

// Send implements platforms.Connector: a shop has no conversations to answer.
func (c *connector) Send(context.Context, platforms.OutgoingMessage) (platforms.SentMessage, error) {
	return platforms.SentMessage{}, errPermanent("a Shopify store has no conversations to send messages to")
}

// ErrNotOrderSource is returned by AsOrderSource for a connector that lists no orders.
var ErrNotOrderSource = errors.New("shopify: this connector does not list orders")

// AsOrderSource returns conn as a platforms.OrderSource when it declares CapListOrders.
func AsOrderSource(conn platforms.Connector) (platforms.OrderSource, error) {
	src, ok := conn.(platforms.OrderSource)
	if !ok || !platforms.Has(conn.Capabilities(), platforms.CapListOrders) {
		return nil, ErrNotOrderSource
	}
	return src, nil
}
