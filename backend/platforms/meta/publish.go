package meta

import (
	"context"
	"net/http"
	"strings"
	"unicode/utf8"

	"creatordesk/backend/platforms"
)

// MaxPagePostChars is the longest Page post CreatorDesk publishes (Facebook
// accepts far more; a calendar caption longer than this is a mistake).
const MaxPagePostChars = 63206

// Publish posts a text on the Facebook Page's feed (POST /{page-id}/feed with
// message); the post then appears in the Page's published_posts. Instagram
// needs media to publish, which the calendar does not hold, so an Instagram
// account refuses with a permanent error (the calendar reminds a person instead).
// Graph takes no idempotency key here: the scheduler's claim keeps a post from going out twice.
func (c *connector) Publish(ctx context.Context, post platforms.Post) (platforms.SentMessage, error) {
	const op = "publish"
	if c.flavor != facebook {
		return platforms.SentMessage{}, c.errPermanent(op + ": Instagram posts need a photo or video; publish this one by hand")
	}
	text := strings.TrimSpace(post.Text)
	if text == "" {
		return platforms.SentMessage{}, c.errPermanent(op + ": the post is empty")
	}
	if n := utf8.RuneCountInString(text); n > MaxPagePostChars {
		return platforms.SentMessage{}, c.errPermanent(op + ": the post is too long for a Page")
	}
	var out struct {
		ID string `json:"id"`
	}
	if err := c.do(ctx, call{op: op, method: http.MethodPost, path: "/" + c.pageID + "/feed",
		body: map[string]string{"message": text}}, &out); err != nil {
		return platforms.SentMessage{}, err
	}
	if out.ID == "" {
		e := c.errTransient(op + ": malformed response: no post id")
		e.Err = errMalformed
		return platforms.SentMessage{}, e
	}
	return platforms.SentMessage{ExternalID: out.ID, SentAt: c.now()}, nil
}

// CanPublish reports whether this account publishes through the API: a
// Facebook Page does, an Instagram account does not (it needs media).
func (c *connector) CanPublish() bool { return c.flavor == facebook }
