package calendar

import (
	"context"
	"errors"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

// ConnectorSource gives the scheduler an account's connector (the sync engine).
type ConnectorSource interface {
	Connector(ctx context.Context, accountID int64) (platforms.Connector, store.Account, error)
}

// KeyedPublisher is a connector that publishes under a caller-chosen
// idempotency key the platform deduplicates on (Mastodon's Idempotency-Key
// header, a deterministic Bluesky record key). Publishing twice with the same
// key yields one post, which is what makes crash recovery safe.
type KeyedPublisher interface {
	PublishKeyed(ctx context.Context, post platforms.Post, key string) (platforms.SentMessage, error)
	// IdempotencyWindow is how long the platform remembers a key (0 = for good).
	IdempotencyWindow() time.Duration
}

// TargetPublisher is a connector that publishes into a named destination of
// the account (a Telegram channel the bot administers).
type TargetPublisher interface {
	PublishTo(ctx context.Context, target string, post platforms.Post) (platforms.SentMessage, error)
}

// ChannelSetting is the account setting (Credentials.Extra) naming the
// destination of a TargetPublisher, such as a Telegram channel's "@name" or id.
const ChannelSetting = "channel"

// ConditionalPublisher is a platforms.Publisher whose accounts differ: a
// Meta connector publishes on a Facebook Page but not on Instagram.
type ConditionalPublisher interface {
	CanPublish() bool
}

// declaresPublish reports whether the connector publishes: it declares
// CapPublish, or says so itself as a ConditionalPublisher.
func declaresPublish(conn platforms.Connector) bool {
	if cp, ok := conn.(ConditionalPublisher); ok {
		return cp.CanPublish()
	}
	return platforms.Has(conn.Capabilities(), platforms.CapPublish)
}

// errCannotPublish: the account's connector has no way to publish; the job becomes a reminder.
var errCannotPublish = errors.New("calendar: this account cannot publish through its API")

// publishVia picks the safest way the connector offers and publishes post.
// keyed reports whether the call was idempotent under key.
func publishVia(ctx context.Context, conn platforms.Connector, acc store.Account, post platforms.Post, key string) (sent platforms.SentMessage, keyed bool, err error) {
	if kp, ok := conn.(KeyedPublisher); ok {
		sent, err = kp.PublishKeyed(ctx, post, key)
		return sent, true, err
	}
	if tp, ok := conn.(TargetPublisher); ok {
		if target := acc.Extra()[ChannelSetting]; target != "" {
			sent, err = tp.PublishTo(ctx, target, post)
			return sent, false, err
		}
	}
	if p, ok := conn.(platforms.Publisher); ok && declaresPublish(conn) {
		sent, err = p.Publish(ctx, post)
		return sent, false, err
	}
	return platforms.SentMessage{}, false, errCannotPublish
}

// canPublish reports whether publishVia would find a way for this connector.
func canPublish(conn platforms.Connector, acc store.Account) bool {
	if _, ok := conn.(KeyedPublisher); ok {
		return true
	}
	if tp, ok := conn.(TargetPublisher); ok && tp != nil && acc.Extra()[ChannelSetting] != "" {
		return true
	}
	_, ok := conn.(platforms.Publisher)
	return ok && declaresPublish(conn)
}
