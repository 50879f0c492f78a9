package youtubefake

import (
	"cmp"
	"encoding/base64"
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// listThreads serves commentThreads.list.
func (s *Server) listThreads(r *http.Request) reply {
	q := r.URL.Query()
	if rep, valid := checkParts(q.Get("part"), "id", "snippet", "replies"); !valid {
		return rep
	}
	filters := 0
	for _, f := range []string{"allThreadsRelatedToChannelId", "videoId", "id", "channelId"} {
		if q.Get(f) != "" {
			filters++
		}
	}
	if filters != 1 {
		return badRequest("missingRequiredParameter", "Exactly one filter is required: allThreadsRelatedToChannelId, videoId or id.")
	}
	if o := q.Get("order"); o != "" && o != "time" && o != "relevance" {
		return badRequest("invalidParameter", "Invalid value for order.")
	}
	status := cmp.Or(q.Get("moderationStatus"), StatusPublished)
	if status != StatusPublished && status != StatusHeldForReview && status != StatusLikelySpam {
		return badRequest("invalidParameter", "Invalid value for moderationStatus.")
	}
	if q.Get("id") != "" && (q.Get("moderationStatus") != "" || q.Get("maxResults") != "" || q.Get("pageToken") != "") {
		return badRequest("incompatibleParameters", "The id filter cannot be used with moderationStatus, maxResults or pageToken.")
	}
	limit, rep, valid := maxResults(q)
	if !valid {
		return rep
	}
	plain := q.Get("textFormat") == "plainText"
	withReplies := strings.Contains(","+q.Get("part")+",", ",replies,")

	s.mu.Lock()
	defer s.mu.Unlock()
	var candidates []*thread
	owner := true
	switch {
	case q.Get("allThreadsRelatedToChannelId") != "":
		owner = q.Get("allThreadsRelatedToChannelId") == s.Self.ID
		if owner {
			candidates = s.threads
		}
	case q.Get("videoId") != "":
		if _, known := s.videos[q.Get("videoId")]; !known {
			return fail(http.StatusNotFound, "youtube.commentThread", "videoNotFound", "The video identified by the videoId parameter could not be found.")
		}
		for _, th := range s.threads {
			if th.top.videoID == q.Get("videoId") {
				candidates = append(candidates, th)
			}
		}
	case q.Get("id") != "":
		for _, id := range strings.Split(q.Get("id"), ",") {
			if th := s.threadLocked(id); th != nil {
				candidates = append(candidates, th)
			}
		}
	default: // channelId: comments about the channel itself
		owner = q.Get("channelId") == s.Self.ID
		for _, th := range s.threads {
			if owner && th.top.videoID == "" {
				candidates = append(candidates, th)
			}
		}
	}
	if status != StatusPublished && !owner {
		return fail(http.StatusForbidden, "youtube.commentThread", "forbidden", "The request is not properly authorized to retrieve the specified comment threads.")
	}

	var visible []*thread
	for _, th := range candidates {
		if s.threadListedLocked(th, status) {
			visible = append(visible, th)
		}
	}
	slices.SortFunc(visible, func(a, b *thread) int {
		if c := s.threadKeyLocked(b, status).Compare(s.threadKeyLocked(a, status)); c != 0 {
			return c
		}
		return strings.Compare(b.top.id, a.top.id)
	})
	if tok := q.Get("pageToken"); tok != "" {
		pos, valid := decodeToken(tok, "t"+status)
		if !valid {
			return badRequest("invalidPageToken", "The request specifies an invalid page token.")
		}
		visible = slices.DeleteFunc(visible, func(th *thread) bool {
			k := s.threadKeyLocked(th, status).UnixNano()
			return k > pos.Key || (k == pos.Key && th.top.id >= pos.ID)
		})
	}
	next := ""
	if q.Get("id") == "" && len(visible) > limit {
		visible = visible[:limit]
		last := visible[limit-1]
		next = encodeToken(position{Key: s.threadKeyLocked(last, status).UnixNano(), ID: last.top.id, Scope: "t" + status})
	}
	items := make([]any, 0, len(visible))
	for _, th := range visible {
		items = append(items, s.renderThreadLocked(th, status, withReplies, plain, owner))
	}
	return ok(listResponse("youtube#commentThreadListResponse", items, next, limit))
}

// threadListedLocked reports whether a listing with moderationStatus status
// shows th: published threads show their published top-level comment; the
// held and spam listings show threads whose top-level comment or at least one
// reply has that status. Rejected and deleted top-level comments show nowhere.
func (s *Server) threadListedLocked(th *thread, status string) bool {
	if th.top.deleted || th.top.status == StatusRejected {
		return false
	}
	if status == StatusPublished {
		return th.top.status == StatusPublished
	}
	if th.raw != nil {
		return false
	}
	if th.top.status == status {
		return true
	}
	return slices.ContainsFunc(th.replies, func(r *comment) bool { return !r.deleted && r.status == status })
}

// threadKeyLocked is the time order=time sorts th by in a listing with
// moderationStatus status: its top-level comment's publishedAt, or with
// SetOrderByActivity the latest publishedAt among it and the replies the
// listing shows.
func (s *Server) threadKeyLocked(th *thread, status string) time.Time {
	key := th.top.published
	if s.orderByActivity {
		for _, r := range th.replies {
			if !r.deleted && (r.status == StatusPublished || r.status == status) && r.published.After(key) {
				key = r.published
			}
		}
	}
	return key
}

// publicReplies are a thread's live published replies, oldest first.
func publicReplies(th *thread) []*comment {
	var out []*comment
	for _, r := range th.replies {
		if !r.deleted && r.status == StatusPublished {
			out = append(out, r)
		}
	}
	return out
}

// renderThreadLocked renders a commentThread item. Its replies part holds at
// most includedReplies of the replies the listing shows, oldest first, while
// totalReplyCount counts every published reply, as on YouTube, so a client
// must call comments.list for the rest.
func (s *Server) renderThreadLocked(th *thread, status string, withReplies, plain, owner bool) any {
	if th.raw != nil {
		return json.RawMessage(th.raw)
	}
	public := publicReplies(th)
	snippet := map[string]any{
		"channelId":       s.Self.ID,
		"topLevelComment": s.renderCommentLocked(th.top, plain, owner),
		"canReply":        true,
		"totalReplyCount": len(public),
		"isPublic":        true,
	}
	if th.top.videoID != "" {
		snippet["videoId"] = th.top.videoID
	}
	item := map[string]any{"kind": "youtube#commentThread", "etag": etag(th.top.id), "id": th.top.id, "snippet": snippet}
	if !withReplies {
		return item
	}
	shown := public
	if status != StatusPublished {
		shown = nil
		for _, r := range th.replies {
			if !r.deleted && (r.status == StatusPublished || r.status == status) {
				shown = append(shown, r)
			}
		}
	}
	if len(shown) > s.includedReplies {
		shown = shown[:s.includedReplies]
	}
	if len(shown) > 0 {
		replies := make([]any, len(shown))
		for i, r := range shown {
			replies[i] = s.renderCommentLocked(r, plain, owner)
		}
		item["replies"] = map[string]any{"comments": replies}
	}
	return item
}

// renderCommentLocked renders a comment resource. textOriginal is only
// returned to the comment's author and moderationStatus only to the channel
// owner, as on YouTube; textDisplay is HTML unless plain text was asked for.
func (s *Server) renderCommentLocked(cm *comment, plain, owner bool) any {
	if cm.raw != nil {
		return json.RawMessage(cm.raw)
	}
	display := cm.text
	if !plain {
		display = strings.ReplaceAll(html.EscapeString(cm.text), "\n", "<br>")
	}
	snippet := map[string]any{
		"channelId":             s.Self.ID,
		"textDisplay":           display,
		"authorDisplayName":     displayName(cm.author),
		"authorProfileImageUrl": "https://yt3.ggpht.example/" + url.PathEscape(cm.author.ID),
		"authorChannelUrl":      channelURL(cm.author),
		"authorChannelId":       map[string]string{"value": cm.author.ID},
		"canRate":               true,
		"viewerRating":          "none",
		"likeCount":             0,
		"publishedAt":           cm.published.Format(time.RFC3339),
		"updatedAt":             cm.updated.Format(time.RFC3339),
	}
	if cm.videoID != "" {
		snippet["videoId"] = cm.videoID
	}
	if cm.parentID != "" {
		snippet["parentId"] = cm.parentID
	}
	if cm.author.ID == s.Self.ID {
		snippet["textOriginal"] = cm.text
	}
	if owner {
		snippet["moderationStatus"] = cm.status
	}
	return map[string]any{"kind": "youtube#comment", "etag": etag(cm.id + cm.updated.String()), "id": cm.id, "snippet": snippet}
}

// displayName is what YouTube shows as a commenter's name: the @handle when
// the channel has one.
func displayName(c Channel) string {
	if c.Handle != "" {
		return c.Handle
	}
	return c.Title
}

// channelURL is a commenter's channel address.
func channelURL(c Channel) string {
	if c.Handle != "" {
		return "http://www.youtube.com/" + c.Handle
	}
	return "http://www.youtube.com/channel/" + c.ID
}

// checkParts checks the part parameter against the allowed part names.
func checkParts(part string, allowed ...string) (reply, bool) {
	if part == "" {
		return badRequest("required", "Required parameter: part"), false
	}
	for _, p := range strings.Split(part, ",") {
		if !slices.Contains(allowed, strings.TrimSpace(p)) {
			return badRequest("unknownPart", "Unknown part: "+p), false
		}
	}
	return reply{}, true
}

// maxResults reads maxResults: 1 to 100, 20 by default.
func maxResults(q url.Values) (int, reply, bool) {
	v := q.Get("maxResults")
	if v == "" {
		return 20, reply{}, true
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 100 {
		return 0, badRequest("invalidParameter", "Invalid value for maxResults: must be 1 to 100."), false
	}
	return n, reply{}, true
}

// position is where a page ends: the sort key and id of its last item.
type position struct {
	Key int64  `json:"k"`
	ID  string `json:"i"`
	// Scope ties a token to the listing it came from.
	Scope string `json:"s"`
}

// encodeToken makes an opaque page token.
func encodeToken(p position) string {
	raw, _ := json.Marshal(p)
	return base64.RawURLEncoding.EncodeToString(raw)
}

// decodeToken reads a page token of the given scope.
func decodeToken(tok, scope string) (position, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(tok)
	var p position
	if err != nil || json.Unmarshal(raw, &p) != nil || p.Scope != scope || p.ID == "" {
		return position{}, false
	}
	return p, true
}
