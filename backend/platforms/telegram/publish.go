package telegram

import (
	"context"
	"strconv"
	"strings"
	"time"

	"creatordesk/backend/platforms"
)

// ChannelKey is the Credentials.Extra key naming the channel a bot publishes
// to: "@username" for a public channel or its numeric id (-100…) for a private one.
const ChannelKey = "channel"

// channelParams are sendMessage's arguments for a channel post; chat_id is a
// number or an "@username" string, both of which Telegram accepts.
type channelParams struct {
	ChatID any    `json:"chat_id"`
	Text   string `json:"text"`
}

// PublishTo posts post.Text into a channel the bot administers (sendMessage
// with the channel as chat_id). Telegram has no idempotency key, so a call
// that may have reached Telegram is never repeated here; the caller decides.
func (c *connector) PublishTo(ctx context.Context, channel string, post platforms.Post) (platforms.SentMessage, error) {
	target, err := channelTarget(channel)
	if err != nil {
		return platforms.SentMessage{}, err
	}
	if v := strings.TrimSpace(post.Visibility); v != "" && v != "public" {
		return platforms.SentMessage{}, errPermanent("sendMessage: a channel post is seen by every subscriber (visibility " + strconv.Quote(v) + ")")
	}
	if err := checkText(post.Text); err != nil {
		return platforms.SentMessage{}, err
	}
	var sent apiMessage
	if err := c.call(ctx, "sendMessage", channelParams{ChatID: target, Text: post.Text}, 0, &sent); err != nil {
		return platforms.SentMessage{}, err
	}
	if sent.MessageID <= 0 || sent.Chat == nil || sent.Chat.ID == 0 {
		return platforms.SentMessage{}, errTransient("sendMessage: result without message_id or chat")
	}
	return platforms.SentMessage{ExternalID: messageKey(sent.Chat.ID, sent.MessageID), SentAt: time.Unix(sent.Date, 0).UTC()}, nil
}

// channelTarget checks a channel reference and returns it as chat_id.
func channelTarget(channel string) (any, error) {
	channel = strings.TrimSpace(channel)
	if name, ok := strings.CutPrefix(channel, "@"); ok {
		if len(name) < 4 || strings.ContainsAny(name, " /@") {
			return nil, errPermanent("sendMessage: invalid channel username " + strconv.Quote(channel))
		}
		return channel, nil
	}
	id, err := strconv.ParseInt(channel, 10, 64)
	if err != nil || id >= 0 {
		return nil, errPermanent("sendMessage: a channel is \"@username\" or a negative id, not " + strconv.Quote(channel))
	}
	return id, nil
}

// Channel is a bot connector bound to one channel: it also implements
// platforms.Publisher and declares CapPublish.
type Channel struct {
	*connector
	channel string
}

// Interface checks.
var _ platforms.Publisher = (*Channel)(nil)

// NewChannel builds a connector that publishes to creds.Extra["channel"]; with
// no channel set it is the plain connector New returns. It fits platforms.Factory.
func NewChannel(creds platforms.Credentials) (platforms.Connector, error) {
	conn, err := New(creds)
	if err != nil {
		return nil, err
	}
	channel := strings.TrimSpace(creds.Extra[ChannelKey])
	if channel == "" {
		return conn, nil
	}
	if _, err := channelTarget(channel); err != nil {
		return nil, err
	}
	return &Channel{connector: conn.(*connector), channel: channel}, nil
}

// Capabilities adds CapPublish to the bot's.
func (c *Channel) Capabilities() []platforms.Capability {
	return append(c.connector.Capabilities(), platforms.CapPublish)
}

// Publish posts into the bound channel.
func (c *Channel) Publish(ctx context.Context, post platforms.Post) (platforms.SentMessage, error) {
	return c.PublishTo(ctx, c.channel, post)
}
