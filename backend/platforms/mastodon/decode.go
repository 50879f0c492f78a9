package mastodon

import (
	"encoding/json"
	"errors"
	"path"
	"strings"
	"time"

	"creatordesk/backend/platforms"
)

// maxTitle caps a thread title taken from a post's text, in runes.
const maxTitle = 80

// decodeStatus decodes one status and checks what mapping needs: valid ids, an
// author and parseable times.
func decodeStatus(raw []byte) (*apiStatus, error) {
	var st *apiStatus
	if err := json.Unmarshal(raw, &st); err != nil {
		return nil, err
	}
	switch {
	case st == nil:
		return nil, errors.New("status is null")
	case !validID(string(st.ID)):
		return nil, errors.New("status without a usable id")
	case st.Account == nil || !validID(string(st.Account.ID)):
		return nil, errors.New("status without an author id")
	case st.InReplyToID != "" && !validID(string(st.InReplyToID)):
		return nil, errors.New("status with an unusable in_reply_to_id")
	}
	if _, err := parseTime(st.CreatedAt); err != nil {
		return nil, errors.New("status without a valid created_at")
	}
	if st.EditedAt != nil && *st.EditedAt != "" {
		if _, err := parseTime(*st.EditedAt); err != nil {
			return nil, errors.New("status with an invalid edited_at")
		}
	}
	return st, nil
}

// readID reads only the id of an item that failed to decode as a whole, for the log.
func readID(raw []byte) string {
	var head struct {
		ID apiID `json:"id"`
	}
	if json.Unmarshal(raw, &head) != nil || !validID(string(head.ID)) {
		return ""
	}
	return string(head.ID)
}

// parseTime parses Mastodon's ISO 8601 datetimes ("2019-11-25T04:08:24.000Z")
// and returns them in UTC.
func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, err
	}
	return t.UTC(), nil
}

// thread says where a mapped status belongs.
type thread struct {
	id    string
	kind  platforms.ThreadKind
	title string
}

// message maps a decoded status (see decodeStatus) into th. Statuses by self
// are outgoing.
func (st *apiStatus) message(self string, th thread) platforms.Message {
	sent, _ := parseTime(st.CreatedAt)
	m := platforms.Message{
		ExternalID:        string(st.ID),
		ThreadExternalID:  th.id,
		ThreadKind:        th.kind,
		ThreadTitle:       th.title,
		Author:            person(st.Account),
		Direction:         platforms.DirectionIn,
		Text:              st.text(),
		SentAt:            sent,
		Attachments:       attachments(st.MediaAttachments),
		ReplyToExternalID: string(st.InReplyToID),
	}
	if string(st.Account.ID) == self {
		m.Direction = platforms.DirectionOut
	}
	if st.EditedAt != nil && *st.EditedAt != "" {
		if t, err := parseTime(*st.EditedAt); err == nil {
			m.EditedAt = &t
		}
	}
	return m
}

// text is the status as plain text, its content warning first.
func (st *apiStatus) text() string {
	body := htmlToText(st.Content)
	cw := strings.TrimSpace(st.SpoilerText)
	switch {
	case cw == "":
		return body
	case body == "":
		return "CW: " + cw
	default:
		return "CW: " + cw + "\n\n" + body
	}
}

// person maps an account.
func person(a *apiAccount) platforms.Person {
	return platforms.Person{ExternalID: string(a.ID), Handle: a.handle(), DisplayName: a.name(), IsBot: a.Bot}
}

// mediaKinds maps MediaAttachment types to attachment kinds.
var mediaKinds = map[string]string{"image": "photo", "gifv": "video", "video": "video", "audio": "audio"}

// mimeTypes names the media types Mastodon serves, by file extension.
var mimeTypes = map[string]string{
	".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif", ".webp": "image/webp",
	".avif": "image/avif", ".mp4": "video/mp4", ".webm": "video/webm", ".mp3": "audio/mpeg", ".ogg": "audio/ogg",
	".oga": "audio/ogg", ".m4a": "audio/mp4", ".wav": "audio/wav", ".flac": "audio/flac",
}

// attachments describes a status's media; the files stay on the instance.
func attachments(media []apiMedia) []platforms.Attachment {
	var out []platforms.Attachment
	for _, m := range media {
		kind, ok := mediaKinds[m.Type]
		if !ok {
			kind = "document"
		}
		src := m.URL
		if src == "" {
			src = m.RemoteURL
		}
		file := ""
		if i := strings.IndexAny(src, "?#"); i >= 0 {
			src = src[:i]
		}
		if src != "" {
			file = path.Base(src)
		}
		name := strings.TrimSpace(m.Description)
		if name == "" {
			name = file
		}
		out = append(out, platforms.Attachment{Kind: kind, Name: name, MimeType: mimeTypes[strings.ToLower(path.Ext(file))]})
	}
	return out
}

// excerpt shortens a text to a one-line thread title.
func excerpt(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	r := []rune(text)
	if len(r) <= maxTitle {
		return text
	}
	return strings.TrimSpace(string(r[:maxTitle-1])) + "…"
}
