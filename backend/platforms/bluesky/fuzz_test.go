package bluesky

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"creatordesk/backend/platforms"
)

// FuzzDecodeChatMessage feeds arbitrary bytes to the DM decoder: it must
// never panic, and whatever it accepts must be a well-formed DM.
func FuzzDecodeChatMessage(f *testing.F) {
	for _, seed := range []string{
		`{"$type":"chat.bsky.convo.defs#messageView","id":"m1","rev":"r","text":"hi","sender":{"did":"did:plc:a"},"sentAt":"2026-03-01T12:00:00.000Z"}`,
		`{"$type":"chat.bsky.convo.defs#messageView","id":"m2","rev":"r","text":"","sender":{"did":"did:plc:me"},"sentAt":"2026-03-01T12:00:00Z",` +
			`"replyTo":{"$type":"chat.bsky.convo.defs#deletedMessageView","id":"m1"},"embed":{"$type":"app.bsky.embed.record#view","record":{"uri":"at://x/y/z"}}}`,
		`{"$type":"chat.bsky.convo.defs#deletedMessageView","id":"m3","rev":"r","sender":{"did":"did:plc:a"},"sentAt":"2026-03-01T12:00:00+02:00"}`,
		`{"$type":"chat.bsky.convo.defs#systemMessageView","id":"s","rev":"r","sentAt":"2026-03-01T12:00:00Z","data":{}}`,
		`{"$type":"chat.bsky.convo.defs#fancy","id":"m"}`, `{"id":"m"}`, `{"text":5}`, `null`, `[]`, `"x"`, `{`, ``,
	} {
		f.Add([]byte(seed))
	}
	info := convoInfo{title: "T", people: map[string]platforms.Person{"did:plc:a": {ExternalID: "did:plc:a", Handle: "a.test"}}}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := decodeChatMessage(data, "convo1", "did:plc:me", info)
		if err != nil || m == nil {
			return
		}
		if m.ExternalID == "" || m.ThreadExternalID != "convo1" || m.ThreadKind != platforms.ThreadDM ||
			!strings.HasPrefix(m.Author.ExternalID, "did:") || m.SentAt.IsZero() || m.SentAt.Location().String() != "UTC" {
			t.Fatalf("bad message %+v from %q", m, data)
		}
		if (m.Direction == platforms.DirectionOut) != (m.Author.ExternalID == "did:plc:me") {
			t.Fatalf("direction %s for author %s", m.Direction, m.Author.ExternalID)
		}
		if m.Deleted && m.Text != "" {
			t.Fatalf("deleted message with text from %q", data)
		}
	})
}

// FuzzDecodeNotification feeds arbitrary bytes to the notification decoder.
func FuzzDecodeNotification(f *testing.F) {
	const author = `"author":{"did":"did:plc:a","handle":"a.test","displayName":"A"}`
	for _, seed := range []string{
		`{"uri":"at://did:plc:a/app.bsky.feed.post/1","cid":"c",` + author + `,"reason":"reply","isRead":false,"indexedAt":"2026-03-01T12:00:00.000Z",` +
			`"record":{"$type":"app.bsky.feed.post","text":"hi","createdAt":"2026-03-01T11:00:00Z","reply":{"root":{"uri":"at://did:plc:me/app.bsky.feed.post/0","cid":"r"},"parent":{"uri":"at://did:plc:b/app.bsky.feed.post/9","cid":"p"}}}}`,
		`{"uri":"at://did:plc:a/app.bsky.feed.post/2","cid":"c",` + author + `,"reason":"mention","indexedAt":"2026-03-01T12:00:00Z",` +
			`"record":{"$type":"app.bsky.feed.post","text":"@me\nsecond line","createdAt":"2030-01-01T00:00:00Z","embed":{"$type":"app.bsky.embed.images","images":[{"alt":"x","image":{"mimeType":"image/jpeg","size":5}}]}}}`,
		`{"uri":"at://did:plc:a/app.bsky.feed.post/3",` + author + `,"reason":"quote","indexedAt":"2026-03-01T12:00:00Z",` +
			`"record":{"$type":"app.bsky.feed.post","text":"q","embed":{"$type":"app.bsky.embed.recordWithMedia","media":{"$type":"app.bsky.embed.video","video":{"mimeType":"video/mp4","size":9}}}}}`,
		`{"uri":"at://did:plc:a/app.bsky.feed.like/1",` + author + `,"reason":"like","indexedAt":"2026-03-01T12:00:00Z","record":{}}`,
		`{"reason":"reply","record":"x"}`, `{"uri":5}`, `null`, `[]`, `{`, ``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := decodeNotification(json.RawMessage(data))
		if err != nil || d.msg == nil {
			return
		}
		m := d.msg
		if !isPostURI(m.ExternalID) || !isPostURI(m.ThreadExternalID) || m.ThreadKind != platforms.ThreadComment ||
			!strings.HasPrefix(m.Author.ExternalID, "did:") || m.Direction != platforms.DirectionIn {
			t.Fatalf("bad comment %+v from %q", m, data)
		}
		if !d.hasTime || m.SentAt.IsZero() || m.SentAt.After(d.at) || m.SentAt.Location().String() != "UTC" {
			t.Fatalf("bad times %v / %v from %q", m.SentAt, d.at, data)
		}
		if m.ReplyToExternalID != "" && !isPostURI(m.ReplyToExternalID) {
			t.Fatalf("bad reply target %q", m.ReplyToExternalID)
		}
		if !utf8.ValidString(m.ThreadTitle) && utf8.ValidString(m.Text) {
			t.Fatalf("title %q cut inside a character", m.ThreadTitle)
		}
	})
}

// FuzzDecodeCursor: any string either decodes to a state that encodes back
// to a decodable cursor, or is refused.
func FuzzDecodeCursor(f *testing.F) {
	for _, seed := range []string{"", `{"v":1}`, `{"v":1,"chat":{"phase":"walk","pending":["a"]},"notif":{"cursor":"x","top":"2026-03-01T12:00:00Z"}}`, `{"v":2}`, `x`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st, err := decodeCursor(s)
		if err != nil {
			return
		}
		if _, err := decodeCursor(st.encode()); err != nil {
			t.Fatalf("cursor %q re-encodes to an invalid one: %v", s, err)
		}
	})
}
