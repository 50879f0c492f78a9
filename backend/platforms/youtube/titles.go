package youtube

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
)

const (
	// maxTitleBatch is the most video ids videos.list takes at once.
	maxTitleBatch = 50
	// maxTitles caps the title cache; when full it starts over.
	maxTitles = 5000
	// maxTitleLen caps a thread title, in bytes.
	maxTitleLen = 200
)

// videoTitles returns the titles of the threads' videos: cached ones, and the
// others from videos.list (1 unit per 50 videos). A video YouTube does not
// return (private, deleted) maps to "" and is not asked for again.
func (c *connector) videoTitles(ctx context.Context, op string, threads []*thread) (map[string]string, error) {
	out := map[string]string{}
	var missing []string
	c.mu.Lock()
	for _, th := range threads {
		id := th.videoID
		if id == "" {
			continue
		}
		if _, done := out[id]; done {
			continue
		}
		if t, ok := c.titles[id]; ok {
			out[id] = t
			continue
		}
		out[id] = ""
		missing = append(missing, id)
	}
	c.mu.Unlock()
	for i := 0; i < len(missing); i += maxTitleBatch {
		batch := missing[i:min(i+maxTitleBatch, len(missing))]
		var list apiList
		q := url.Values{"part": {"snippet"}, "id": {strings.Join(batch, ",")}}
		if err := c.do(ctx, call{op: op + ": video titles", api: apiVideosList, path: "/videos", query: q}, &list); err != nil {
			return nil, err
		}
		for _, raw := range list.Items {
			var v apiVideo
			if json.Unmarshal(raw, &v) == nil && validID(v.ID) {
				if _, asked := out[v.ID]; asked {
					out[v.ID] = cleanText(v.Snippet.Title, maxTitleLen)
				}
			}
		}
		c.mu.Lock()
		if len(c.titles)+len(batch) > maxTitles {
			c.titles = map[string]string{}
		}
		for _, id := range batch {
			c.titles[id] = out[id]
		}
		c.mu.Unlock()
	}
	return out, nil
}

// threadTitle names a thread after its video; a video without a known title
// by its id, and a comment about the channel itself by the channel's name.
func threadTitle(th *thread, titles map[string]string, self channelInfo) string {
	if th.videoID == "" {
		if self.title != "" {
			return self.title
		}
		return self.id
	}
	if t := titles[th.videoID]; t != "" {
		return t
	}
	return th.videoID
}
