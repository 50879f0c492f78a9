package telegramdesktop

import (
	"bytes"
	"encoding/json"
	"errors"
	"path"
	"strconv"
	"strings"
	"time"

	"creatordesk/backend/platforms"
)

// tgMessage is the part of an exported message this importer reads.
type tgMessage struct {
	ID           json.Number     `json:"id"`
	Type         string          `json:"type"`
	Date         string          `json:"date"`
	DateUnix     json.Number     `json:"date_unixtime"`
	Edited       string          `json:"edited"`
	EditedUnix   json.Number     `json:"edited_unixtime"`
	From         *string         `json:"from"`
	FromID       string          `json:"from_id"`
	Action       string          `json:"action"`
	Text         json.RawMessage `json:"text"`
	Entities     json.RawMessage `json:"text_entities"`
	ReplyTo      json.Number     `json:"reply_to_message_id"`
	ReplyPeer    string          `json:"reply_to_peer_id"`
	Photo        string          `json:"photo"`
	PhotoSize    int64           `json:"photo_file_size"`
	File         string          `json:"file"`
	FileName     string          `json:"file_name"`
	FileSize     int64           `json:"file_size"`
	MediaType    string          `json:"media_type"`
	MimeType     string          `json:"mime_type"`
	StickerEmoji string          `json:"sticker_emoji"`
	Title        string          `json:"title"`
	Contact      *struct {
		FirstName string `json:"first_name"`
		LastName  string `json:"last_name"`
	} `json:"contact_information"`
	Location  json.RawMessage `json:"location_information"`
	PlaceName string          `json:"place_name"`
	Poll      *struct {
		Question string `json:"question"`
	} `json:"poll"`

	index int    // 1-based position in the chat's list
	bad   string // why the message could not be decoded
}

// localLayout is how the export writes "date" and "edited".
const localLayout = "2006-01-02T15:04:05"

// maxUnix bounds accepted Unix times (year 3000) so absurd values are refused.
const maxUnix = 32503680000

// parseTime prefers the exact Unix time and falls back to the zone-less local
// time read in loc; zoneless reports the fallback.
func parseTime(unix json.Number, local string, loc *time.Location) (t time.Time, zoneless, ok bool) {
	if n, err := strconv.ParseInt(string(unix), 10, 64); err == nil && n > 0 && n < maxUnix {
		return time.Unix(n, 0).UTC(), false, true
	}
	if local == "" {
		return time.Time{}, false, false
	}
	t, err := time.ParseInLocation(localLayout, local, loc)
	if err != nil || t.Year() < 1970 || t.Unix() >= maxUnix {
		return time.Time{}, false, false
	}
	return t.UTC(), true, true
}

// flatten turns "text" (a string, or a list of strings and {type, text} parts)
// into plain text.
func flatten(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	switch raw[0] {
	case '"':
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	case '[':
		var parts []json.RawMessage
		if err := json.Unmarshal(raw, &parts); err != nil {
			return "", err
		}
		var b strings.Builder
		for _, part := range parts {
			var s string
			if json.Unmarshal(part, &s) == nil {
				b.WriteString(s)
				continue
			}
			var ent struct {
				Text *string `json:"text"`
			}
			if err := json.Unmarshal(part, &ent); err != nil {
				return "", errors.New("a part of the text is neither a string nor an entity")
			}
			if ent.Text != nil {
				b.WriteString(*ent.Text)
			}
		}
		return b.String(), nil
	}
	return "", errors.New("the text is neither a string nor a list of parts")
}

// peerID maps an export peer reference ("user123", "chat5", "channel9") to the
// Bot API id the Telegram connector uses.
func peerID(ref string) (string, bool) {
	for _, p := range []struct{ prefix, out string }{{"user", ""}, {"chat", "-"}, {"channel", "-100"}} {
		if rest, ok := strings.CutPrefix(ref, p.prefix); ok {
			if n, err := strconv.ParseInt(rest, 10, 64); err == nil && n > 0 {
				return p.out + strconv.FormatInt(n, 10), true
			}
		}
	}
	return "", false
}

// mediaKinds maps the export's media_type to attachment kinds; files without one are documents.
var mediaKinds = map[string]string{
	"sticker":       "sticker",
	"voice_message": "voice",
	"video_message": "video_note",
	"video_file":    "video",
	"animation":     "animation",
	"audio_file":    "audio",
}

// attachments lists the media of a message; the export keeps only paths or a
// "(File not included...)" placeholder, never the bytes.
func attachments(m tgMessage) []platforms.Attachment {
	var out []platforms.Attachment
	if m.Photo != "" {
		out = append(out, platforms.Attachment{Kind: "photo", Name: fileName(m.Photo), MimeType: "image/jpeg", Size: m.PhotoSize})
	}
	if m.File != "" || m.MediaType != "" {
		kind, ok := mediaKinds[m.MediaType]
		if !ok {
			kind = "document"
		}
		name := m.FileName
		if name == "" {
			name = fileName(m.File)
		}
		switch {
		case kind == "sticker" && m.StickerEmoji != "":
			name = m.StickerEmoji
		case kind == "audio" && m.Title != "" && name == "":
			name = m.Title
		}
		out = append(out, platforms.Attachment{Kind: kind, Name: name, MimeType: m.MimeType, Size: m.FileSize})
	}
	if c := m.Contact; c != nil {
		out = append(out, platforms.Attachment{Kind: "contact", Name: strings.TrimSpace(c.FirstName + " " + c.LastName)})
	}
	if loc := bytes.TrimSpace(m.Location); (len(loc) > 0 && string(loc) != "null") || m.PlaceName != "" {
		out = append(out, platforms.Attachment{Kind: "location", Name: m.PlaceName})
	}
	if m.Poll != nil {
		out = append(out, platforms.Attachment{Kind: "poll", Name: m.Poll.Question})
	}
	return out
}

// fileName is the base name of an exported file path; placeholders such as
// "(File not included. ...)" give "".
func fileName(p string) string {
	if p == "" || strings.HasPrefix(p, "(") {
		return ""
	}
	return path.Base(strings.ReplaceAll(p, `\`, "/"))
}
