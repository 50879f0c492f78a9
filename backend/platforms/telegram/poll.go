package telegram

import (
	"context"
	"encoding/json"
	"log/slog"
	"math"
	"strconv"
	"time"

	"creatordesk/backend/platforms"
)

// maxLimit is the most updates getUpdates returns in one call.
const maxLimit = 100

// allowedUpdates are the update types the connector maps to messages.
var allowedUpdates = []string{
	"message", "edited_message",
	"channel_post", "edited_channel_post",
	"business_message", "edited_business_message",
}

// getUpdatesParams are the getUpdates arguments.
type getUpdatesParams struct {
	Offset         *int64   `json:"offset,omitempty"`
	Limit          int      `json:"limit"`
	Timeout        int      `json:"timeout"`
	AllowedUpdates []string `json:"allowed_updates"`
}

// Poll calls getUpdates after cursor, the decimal offset of the next update
// ("" asks for the oldest unconfirmed one). Passing the returned cursor to the
// next Poll confirms every update of this page to Telegram, which then drops
// them, so persist the page and its cursor together before polling again.
func (c *connector) Poll(ctx context.Context, cursor string, opts platforms.PollOptions) (platforms.Page, error) {
	var offset *int64
	if cursor != "" {
		n, err := strconv.ParseInt(cursor, 10, 64)
		if err != nil {
			return platforms.Page{}, errPermanent("getUpdates: invalid cursor " + strconv.Quote(cursor))
		}
		offset = &n
	}
	limit := opts.Limit
	if limit <= 0 || limit > maxLimit {
		limit = maxLimit
	}
	wait := min(max(opts.Wait, 0), maxWait)
	params := getUpdatesParams{
		Offset:         offset,
		Limit:          limit,
		Timeout:        int(wait / time.Second),
		AllowedUpdates: allowedUpdates,
	}
	var raws []json.RawMessage
	if err := c.call(ctx, "getUpdates", params, wait, &raws); err != nil {
		return platforms.Page{}, err
	}
	return c.page(ctx, raws, offset, limit, cursor), nil
}

// page decodes each update on its own, so one malformed item is logged and
// counted instead of failing the batch. The cursor moves past every update
// whose id is readable, including skipped and ignored ones.
func (c *connector) page(ctx context.Context, raws []json.RawMessage, offset *int64, limit int, cursor string) platforms.Page {
	p := platforms.Page{Cursor: cursor, More: len(raws) >= limit}
	var last int64
	seen := false
	for _, raw := range raws {
		d, err := decodeUpdate(raw, c.botID)
		if d.hasID && (!seen || d.id > last) {
			last, seen = d.id, true
		}
		if err != nil {
			p.Skipped++
			logSkipped(ctx, d, err)
			continue
		}
		if d.msg != nil {
			p.Messages = append(p.Messages, *d.msg)
		}
	}
	if seen && last < math.MaxInt64 && (offset == nil || last+1 > *offset) {
		p.Cursor = strconv.FormatInt(last+1, 10)
	}
	return p
}

// logSkipped records an update that could not be decoded, never its content.
func logSkipped(ctx context.Context, d decodedUpdate, err error) {
	attrs := []slog.Attr{slog.String("platform", Platform), slog.String("error", err.Error())}
	if d.hasID {
		attrs = append(attrs, slog.Int64("update_id", d.id))
	}
	slog.Default().LogAttrs(ctx, slog.LevelWarn, "telegram: skipped malformed update", attrs...)
}
