package bluesky

import (
	"context"
	"strings"
	"time"

	"creatordesk/backend/platforms"
)

// Publish posts post.Text on the account's profile. Bluesky posts are always
// public, so Visibility must be "" or "public".
func (c *connector) Publish(ctx context.Context, p platforms.Post) (platforms.SentMessage, error) {
	if v := strings.ToLower(strings.TrimSpace(p.Visibility)); v != "" && v != "public" {
		return platforms.SentMessage{}, errPermanent(nsidCreateRecord + ": Bluesky posts are always public (visibility " + clip(p.Visibility, 40) + ")")
	}
	if err := checkText(nsidCreateRecord, p.Text, MaxPostGraphemes, maxPostBytes); err != nil {
		return platforms.SentMessage{}, err
	}
	now := time.Now().UTC()
	return c.createPost(ctx, postRecord{Type: typePost, Text: p.Text, CreatedAt: formatTime(now)}, now)
}
