package mastodon

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"time"

	"creatordesk/backend/platforms"
)

// IdempotencyWindow is how long a Mastodon instance remembers an
// Idempotency-Key (one hour): a repeat within it returns the first status.
const IdempotencyWindow = time.Hour

// IdempotencyWindow reports how long the instance deduplicates a key.
func (c *connector) IdempotencyWindow() time.Duration { return IdempotencyWindow }

// PublishKeyed posts a public status like Publish, under the caller's
// Idempotency-Key: publishing again with the same key within the window gives
// back the status already made instead of a second one. The scheduler uses a
// key per calendar occurrence, so a crash between the call and recording its
// answer never doubles a post.
func (c *connector) PublishKeyed(ctx context.Context, post platforms.Post, key string) (platforms.SentMessage, error) {
	const op = "publish"
	key = strings.TrimSpace(key)
	if key == "" || len(key) > 128 {
		return platforms.SentMessage{}, errPermanent(op + ": idempotency key must be 1 to 128 characters")
	}
	visibility := post.Visibility
	if visibility == "" {
		visibility = "public"
	}
	if !visibilities[visibility] {
		return platforms.SentMessage{}, errPermanent(op + ": visibility must be public, unlisted, private or direct")
	}
	if strings.TrimSpace(post.Text) == "" {
		return platforms.SentMessage{}, errPermanent(op + ": post text is empty")
	}
	if err := c.checkLength(ctx, op, post.Text); err != nil {
		return platforms.SentMessage{}, err
	}
	req := request{op: op, method: http.MethodPost, path: "/api/v1/statuses", idemKey: key,
		form: url.Values{"status": {post.Text}, "visibility": {visibility}}}
	var raw json.RawMessage
	if _, err := c.do(ctx, req, &raw); err != nil {
		return platforms.SentMessage{}, err
	}
	st, err := decodeStatus(raw)
	if err != nil {
		return platforms.SentMessage{}, errTransient(op + ": malformed status: " + err.Error())
	}
	c.rememberRoot(string(st.ID), rootInfo{root: string(st.ID), title: excerpt(st.text())})
	at, _ := parseTime(st.CreatedAt)
	return platforms.SentMessage{ExternalID: string(st.ID), SentAt: at}, nil
}
