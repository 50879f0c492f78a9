// Package telegram is the connector for the Telegram Bot API.
//
// It long-polls getUpdates for the messages a bot receives (private chats,
// groups, channels it administers and Telegram Business chats) and answers
// with sendMessage. It keeps no state of its own: the cursor it returns is the
// next getUpdates offset, and persisting it confirms the updates before it.
package telegram

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"creatordesk/backend/platforms"
)

// Platform is the connector's stable platform name.
const Platform = "telegram"

// DefaultBaseURL is the public Bot API address used when Credentials.BaseURL is empty.
const DefaultBaseURL = "https://api.telegram.org"

// connector implements platforms.Connector for one bot token.
type connector struct {
	// endpoint is BaseURL + "/bot<token>/"; it must never leave this package unredacted.
	endpoint string
	token    string
	// botID is the bot's own user id, the digits before the colon of its token.
	botID int64
	http  *http.Client
}

// New builds a Telegram connector for the bot token in creds; it fits platforms.Factory.
func New(creds platforms.Credentials) (platforms.Connector, error) {
	if strings.TrimSpace(creds.Token) == "" {
		return nil, newError(platforms.KindAuth, 0, "missing bot token")
	}
	base := creds.BaseURL
	if base == "" {
		base = DefaultBaseURL
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, newError(platforms.KindPermanent, 0, "invalid base URL")
	}
	return &connector{
		endpoint: strings.TrimRight(base, "/") + "/bot" + url.PathEscape(creds.Token) + "/",
		token:    creds.Token,
		botID:    botIDFromToken(creds.Token),
		http:     newHTTPClient(),
	}, nil
}

// Platform returns "telegram".
func (c *connector) Platform() string { return Platform }

// Capabilities reports that a bot can read its updates and send messages.
func (c *connector) Capabilities() []platforms.Capability {
	return []platforms.Capability{platforms.CapFetchMessages, platforms.CapSend, platforms.CapSendAttachment}
}

// Verify calls getMe and returns the bot's identity.
func (c *connector) Verify(ctx context.Context) (platforms.AccountInfo, error) {
	var me apiUser
	if err := c.call(ctx, "getMe", nil, 0, &me); err != nil {
		return platforms.AccountInfo{}, err
	}
	return platforms.AccountInfo{
		ExternalID:  strconv.FormatInt(me.ID, 10),
		Handle:      me.Username,
		DisplayName: me.FirstName,
	}, nil
}
