package youtube

import (
	"encoding/json"
	"errors"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"creatordesk/backend/platforms"
)

// thread is a decoded commentThread: its top-level comment and the replies
// known so far.
type thread struct {
	// id is the top-level comment's id, which is also the thread's id and the
	// parentId of its replies.
	id      string
	videoID string
	top     comment
	replies []comment
	// included is the number of replies the thread item carried (decodable or not).
	included int
	// total is YouTube's totalReplyCount.
	total int
	// bad counts carried replies that could not be decoded.
	bad int
}

// comment is a decoded comment.
type comment struct {
	id, parentID       string
	authorID           string
	authorName         string
	authorHandle       string
	text               string
	published, updated time.Time
	// videoID is the video the comment is on ("" for a channel comment).
	videoID string
	// status is YouTube's moderationStatus ("" when YouTube did not say).
	status string
}

// decodeThread decodes one commentThreads item and checks what mapping needs:
// a top-level comment with a usable id and a valid publishedAt. Replies that
// cannot be decoded are counted in bad, not fatal.
func decodeThread(raw []byte) (*thread, error) {
	var t *apiThread
	if err := json.Unmarshal(raw, &t); err != nil {
		return nil, err
	}
	switch {
	case t == nil:
		return nil, errors.New("thread is null")
	case t.Snippet == nil:
		return nil, errors.New("thread without snippet")
	case len(t.Snippet.TopLevelComment) == 0 || string(t.Snippet.TopLevelComment) == "null":
		return nil, errors.New("thread without topLevelComment")
	case t.Snippet.VideoID != "" && !validID(t.Snippet.VideoID):
		return nil, errors.New("thread with an unusable videoId")
	}
	top, err := decodeComment(t.Snippet.TopLevelComment)
	if err != nil {
		return nil, errors.New("top-level comment: " + err.Error())
	}
	th := &thread{id: top.id, videoID: t.Snippet.VideoID, top: top, total: int(min(max(t.Snippet.TotalReplyCount, 0), 1<<30))}
	if t.Replies != nil {
		th.included = len(t.Replies.Comments)
		for _, r := range t.Replies.Comments {
			c, err := decodeComment(r)
			if err != nil {
				th.bad++
				continue
			}
			th.addReply(c)
		}
	}
	return th, nil
}

// decodeComment decodes one comment resource.
func decodeComment(raw []byte) (comment, error) {
	var a *apiComment
	if err := json.Unmarshal(raw, &a); err != nil {
		return comment{}, err
	}
	switch {
	case a == nil:
		return comment{}, errors.New("comment is null")
	case !validID(a.ID):
		return comment{}, errors.New("comment without a usable id")
	case a.Snippet == nil:
		return comment{}, errors.New("comment without snippet")
	case a.Snippet.ParentID != "" && !validID(a.Snippet.ParentID):
		return comment{}, errors.New("comment with an unusable parentId")
	}
	s := a.Snippet
	c := comment{id: a.ID, parentID: s.ParentID, authorName: strings.TrimSpace(s.AuthorDisplayName),
		videoID: s.VideoID, status: s.ModerationStatus}
	if s.AuthorChannelID != nil && s.AuthorChannelID.Value != "" {
		if !validID(s.AuthorChannelID.Value) {
			return comment{}, errors.New("comment with an unusable authorChannelId")
		}
		c.authorID = s.AuthorChannelID.Value
	}
	var err error
	if c.published, err = parseTime(s.PublishedAt); err != nil {
		return comment{}, errors.New("comment without a valid publishedAt")
	}
	c.updated = c.published
	if s.UpdatedAt != "" {
		if c.updated, err = parseTime(s.UpdatedAt); err != nil {
			return comment{}, errors.New("comment with an invalid updatedAt")
		}
	}
	// textOriginal is only returned to the comment's author; textDisplay is
	// plain text because the connector asks for textFormat=plainText.
	c.text = s.TextOriginal
	if c.text == "" {
		c.text = s.TextDisplay
	}
	c.authorHandle = handleOf(s.AuthorChannelURL, c.authorName)
	return c, nil
}

// readID reads only the id of an item that failed to decode as a whole, for the log.
func readID(raw []byte) string {
	var head struct {
		ID string `json:"id"`
	}
	if json.Unmarshal(raw, &head) != nil || !validID(head.ID) {
		return ""
	}
	return head.ID
}

// parseTime parses YouTube's RFC 3339 times and returns them in UTC.
func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, err
	}
	return t.UTC(), nil
}

// handleOf finds a commenter's @handle: the last path element of their
// channel URL ("http://www.youtube.com/@name"), else their display name,
// which YouTube now shows as the handle.
func handleOf(channelURL, name string) string {
	if u, err := url.Parse(channelURL); err == nil {
		if last := u.Path[strings.LastIndex(u.Path, "/")+1:]; validHandle(last) {
			return last
		}
	}
	if validHandle(name) {
		return name
	}
	return ""
}

// validHandle reports whether h looks like a YouTube handle: "@" and up to
// 100 bytes of letters, digits and punctuation, without spaces or URL syntax.
func validHandle(h string) bool {
	if len(h) < 2 || len(h) > 101 || h[0] != '@' || !utf8.ValidString(h) {
		return false
	}
	for _, r := range h[1:] {
		if unicode.IsSpace(r) || unicode.IsControl(r) || !unicode.IsPrint(r) || strings.ContainsRune("@/?#%&<>\\\"'", r) {
			return false
		}
	}
	return true
}

// addReply records a reply, replacing an earlier copy with the same id.
func (th *thread) addReply(c comment) {
	for i := range th.replies {
		if th.replies[i].id == c.id {
			th.replies[i] = c
			return
		}
	}
	th.replies = append(th.replies, c)
}

// hidden reports whether YouTube left replies out of the thread item.
func (th *thread) hidden() bool { return th.total > th.included }

// activity is the latest publishedAt or updatedAt in the thread as known.
func (th *thread) activity() time.Time {
	t := latest(th.top)
	for _, r := range th.replies {
		if l := latest(r); l.After(t) {
			t = l
		}
	}
	return t
}

// latest is a comment's publishedAt or, when later, its updatedAt.
func latest(c comment) time.Time {
	if c.updated.After(c.published) {
		return c.updated
	}
	return c.published
}

// messages maps the thread to messages, the top-level comment first and the
// replies oldest first. Comments by the account's own channel are outgoing.
func (th *thread) messages(self, title string) []platforms.Message {
	out := make([]platforms.Message, 0, 1+len(th.replies))
	out = append(out, th.top.message(th.id, self, title))
	replies := append([]comment(nil), th.replies...)
	sortComments(replies)
	for _, r := range replies {
		if r.id == th.id {
			continue
		}
		out = append(out, r.message(th.id, self, title))
	}
	return out
}

// sortComments orders comments by publishedAt, then id.
func sortComments(cs []comment) {
	slices.SortFunc(cs, func(a, b comment) int {
		if c := a.published.Compare(b.published); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})
}

// message maps one comment of the thread threadID.
func (c comment) message(threadID, self, title string) platforms.Message {
	m := platforms.Message{
		ExternalID:       c.id,
		ThreadExternalID: threadID,
		ThreadKind:       platforms.ThreadComment,
		ThreadTitle:      title,
		Author:           platforms.Person{ExternalID: c.authorID, Handle: c.authorHandle, DisplayName: c.authorName},
		Direction:        platforms.DirectionIn,
		Text:             c.text,
		SentAt:           c.published,
	}
	if c.authorID != "" && c.authorID == self {
		m.Direction = platforms.DirectionOut
	}
	if c.updated.After(c.published) {
		t := c.updated
		m.EditedAt = &t
	}
	if c.id != threadID {
		m.ReplyToExternalID = threadID
	}
	m.Hidden = hiddenStatus(c.status)
	return m
}

// hiddenStatus maps a moderationStatus to platforms.Message.Hidden: a
// comment held for review, likely spam or rejected is not public; a
// published one is; nil when YouTube did not say.
func hiddenStatus(status string) *bool {
	var hidden bool
	switch status {
	case statusPublished:
	case statusHeld, statusSpam, statusRejected:
		hidden = true
	default:
		return nil
	}
	return &hidden
}
