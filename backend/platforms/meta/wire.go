package meta

import (
	"encoding/json"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"creatordesk/backend/platforms"
)

// apiMe is GET /me.
type apiMe struct {
	ID       string `json:"id"`
	UserID   string `json:"user_id"`
	Username string `json:"username"`
	Name     string `json:"name"`
}

// apiPerson is a sender, recipient, participant or comment author.
type apiPerson struct {
	ID       string `json:"id"`
	Username string `json:"username"`
	Name     string `json:"name"`
}

// person maps a Graph person.
func (p apiPerson) person() platforms.Person {
	name := p.Name
	if name == "" {
		name = p.Username
	}
	return platforms.Person{ExternalID: p.ID, Handle: p.Username, DisplayName: name}
}

// label is how a person is named in a thread title.
func (p apiPerson) label() string {
	switch {
	case p.Name != "":
		return p.Name
	case p.Username != "":
		return "@" + p.Username
	}
	return ""
}

// apiConversation is one item of the conversations edge, with its messages expanded.
type apiConversation struct {
	ID           string    `json:"id"`
	UpdatedTime  graphTime `json:"updated_time"`
	Participants struct {
		Data []apiPerson `json:"data"`
	} `json:"participants"`
	Messages struct {
		Data   []json.RawMessage `json:"data"`
		Paging paging            `json:"paging"`
	} `json:"messages"`
}

// apiMessage is one direct message.
type apiMessage struct {
	ID          string    `json:"id"`
	CreatedTime graphTime `json:"created_time"`
	From        apiPerson `json:"from"`
	Message     string    `json:"message"`
	Attachments struct {
		Data []apiAttachment `json:"data"`
	} `json:"attachments"`
	ReplyTo struct {
		MID string `json:"mid"`
	} `json:"reply_to"`
}

// apiAttachment is an attachment's description (the bytes stay with Meta).
type apiAttachment struct {
	MimeType  string          `json:"mime_type"`
	Name      string          `json:"name"`
	Size      int64           `json:"size"`
	ImageData json.RawMessage `json:"image_data"`
	VideoData json.RawMessage `json:"video_data"`
}

// attachment maps an attachment.
func (a apiAttachment) attachment() platforms.Attachment {
	kind := "document"
	switch {
	case len(a.ImageData) > 0 || strings.HasPrefix(a.MimeType, "image/"):
		kind = "photo"
	case len(a.VideoData) > 0 || strings.HasPrefix(a.MimeType, "video/"):
		kind = "video"
	case strings.HasPrefix(a.MimeType, "audio/"):
		kind = "voice"
	}
	return platforms.Attachment{Kind: kind, Name: a.Name, MimeType: a.MimeType, Size: a.Size}
}

// apiMedia is an Instagram media item or a Facebook Page post.
type apiMedia struct {
	ID            string    `json:"id"`
	Caption       string    `json:"caption"`
	Message       string    `json:"message"`
	Timestamp     graphTime `json:"timestamp"`
	CreatedTime   graphTime `json:"created_time"`
	UpdatedTime   graphTime `json:"updated_time"`
	CommentsCount *int      `json:"comments_count"`
}

// apiComment is an Instagram or Facebook comment.
type apiComment struct {
	ID          string    `json:"id"`
	Text        string    `json:"text"`
	Message     string    `json:"message"`
	Timestamp   graphTime `json:"timestamp"`
	CreatedTime graphTime `json:"created_time"`
	From        apiPerson `json:"from"`
	Username    string    `json:"username"`
	// Hidden (Instagram) and IsHidden (Facebook) are nil when Meta leaves them out.
	Hidden   *bool  `json:"hidden"`
	IsHidden *bool  `json:"is_hidden"`
	ParentID string `json:"parent_id"`
	Parent   *struct {
		ID string `json:"id"`
	} `json:"parent"`
	Replies struct {
		Data []json.RawMessage `json:"data"`
	} `json:"replies"`
}

// graphTime is a Graph timestamp: "2017-08-31T19:16:02+0000" (RFC 3339 is accepted too).
type graphTime struct{ time.Time }

// UnmarshalJSON implements json.Unmarshaler.
func (t *graphTime) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		t.Time = time.Time{}
		return nil
	}
	for _, layout := range []string{"2006-01-02T15:04:05-0700", time.RFC3339Nano} {
		if v, err := time.Parse(layout, s); err == nil {
			t.Time = v.UTC()
			return nil
		}
	}
	return errors.New("unreadable time " + truncate(s, 40))
}

// errString is a constant error text.
type errString string

func (e errString) Error() string { return string(e) }

// threadTitle is a post's title: the start of its caption, else a dated placeholder.
func threadTitle(text string, at time.Time, platform string) string {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		if platform == PlatformFacebook {
			return "Page post of " + at.Format("2 Jan 2006")
		}
		return "Instagram post of " + at.Format("2 Jan 2006")
	}
	if utf8.RuneCountInString(text) > 80 {
		r := []rune(text)
		text = string(r[:80]) + "…"
	}
	return text
}
